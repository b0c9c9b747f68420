using Tracker.App.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.App.Features.Papers;
using Tracker.App.Features.Risks.Papers;
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

        // The register as a committee paper (the Risk Log, landscape) and as a spreadsheet.
        app.MapGet("/risks/register.docx", async (string? since, RiskRegisterDocument document, CancellationToken ct) =>
            await PaperResults.DocxAsync(async s =>
            {
                await document.WriteAsync(s, DateOnly.TryParseExact(since, "yyyy-MM-dd", out var d) ? d : null, null, ct);
                return true;
            }, RiskRegisterDocument.FileName));
        app.MapGet("/risks/register.xlsx", async (RiskRegisterWorkbook workbook, CancellationToken ct) =>
            await PaperResults.XlsxAsync(s => workbook.WriteAsync(s, ct), RiskRegisterWorkbook.FileName));

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
