using Tracker.App.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

public static class RiskEndpoints
{
    public static void MapRiskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/risks/export.csv", async (RiskService risks, CancellationToken ct) =>
        {
            var csv = await risks.ExportCsvAsync(ct);
            return FileDownload.Csv(csv, $"risk-register-{risks.Today:yyyy-MM-dd}.csv");
        });

        // Live-region fragments: the same components the pages render, for the live module to swap in.
        app.MapGet("/live/risks/table", async (HttpContext context, RiskService risks, CancellationToken ct) =>
            new RazorComponentResult<RiskTable>(new Dictionary<string, object?>
            {
                [nameof(RiskTable.Register)] = await risks.GetRegisterAsync(RiskFilter.FromQuery(context.Request.Query), ct),
            }));

        app.MapGet("/live/risks/panel", () => new RazorComponentResult<RisksPanel>());

        app.MapGet("/live/risks/heat-map", async (string? scores, RiskService risks, CancellationToken ct) =>
            new RazorComponentResult<RiskHeatMap>(new Dictionary<string, object?>
            {
                [nameof(RiskHeatMap.Data)] = await risks.GetHeatMapAsync(RiskFilter.ParseKind(scores), ct),
            }));
    }
}
