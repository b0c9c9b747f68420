using Tracker.App.Common;
using Tracker.App.Features.Papers;
using Tracker.App.Features.Risks.Papers;

namespace Tracker.App.Features.Risks;

public static class RiskEndpoints
{
    /// <summary>The risk register's services: reads from the shared cache, writes, settings, import and the chair's review.</summary>
    public static IServiceCollection AddRisks(this IServiceCollection services)
    {
        services.AddSingleton<RiskDataCache>();
        services.AddSingleton<RiskReviewSession>();
        services.AddScoped<RiskRegisterQueries>();
        services.AddScoped<RiskService>();
        services.AddScoped<RiskSettingsService>();
        services.AddScoped<RiskImportService>();
        return services;
    }

    public static void MapRiskEndpoints(this IEndpointRouteBuilder app)
    {
        // Made at start-up, so the register's cache hears every commit to a risk before any circuit reloads on it.
        app.ServiceProvider.GetRequiredService<RiskDataCache>();
        app.MapGet("/risks/export.csv", async (RiskRegisterQueries risks, CancellationToken ct) =>
        {
            var csv = await risks.ExportCsvAsync(ct);
            return FileDownload.Csv(csv, $"risk-register-{risks.Today:yyyy-MM-dd}.csv");
        });

        // The register as a committee paper (the Risk Log, landscape) and as a spreadsheet.
        app.MapGet("/risks/register.docx", async (string? since, string? asAt, RiskRegisterDocument document, CancellationToken ct) =>
            await PaperResults.DocxAsync(async s =>
            {
                // ?asAt=yyyy-MM-dd: as it stood at a meeting's papers deadline (the pack's link).
                await document.WriteAsync(s, DateOnly.TryParseExact(since, "yyyy-MM-dd", out var d) ? d : null, null, ct,
                    asAt: DateOnly.TryParseExact(asAt, "yyyy-MM-dd", out var day) ? day : null);
                return true;
            }, RiskRegisterDocument.FileName));
        app.MapGet("/risks/register.xlsx", async (RiskRegisterWorkbook workbook, CancellationToken ct) =>
            await PaperResults.XlsxAsync(s => workbook.WriteAsync(s, ct), RiskRegisterWorkbook.FileName));
    }
}
