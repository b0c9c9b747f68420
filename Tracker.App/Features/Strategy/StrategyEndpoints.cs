using Tracker.App.Common;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Papers;
using Tracker.App.Features.Strategy.Papers;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

public static class StrategyEndpoints
{
    public static void AddStrategy(this IServiceCollection services)
    {
        services.AddSingleton<StrategyDataCache>();
        services.AddScoped<StrategyQueries>();
        services.AddScoped<StrategyService>();
        services.AddScoped<UpdateDraftService>();
        services.AddScoped<StrategyAdminService>();
        services.AddScoped<MetricsAdminService>();
        services.AddScoped<StrategyExport>();
    }

    public static void MapStrategyEndpoints(this IEndpointRouteBuilder app)
    {
        // No quarter asked for: the quarter under review. year is the first calendar year of the financial year: year=2020&quarter=4 is January–March 2021.
        app.MapGet("/actions/export.csv", async (int? year, int? quarter, int? strategy, StrategyExport export, ReviewCycle cycle, CancellationToken ct) =>
        {
            var q = FinancialQuarter.TryCreate(year, quarter, out var asked) ? asked : (await cycle.NowAsync(ct)).Quarter;
            var csv = await export.CsvAsync(q, strategy, ct);
            return FileDownload.Csv(csv, $"actions-{q.Year}-q{q.Quarter}.csv");
        });

        // The committee papers: the quarterly progress report as Word, the actions as a spreadsheet.
        // ?asAt=yyyy-MM-dd: as it stood at the end of a meeting's papers deadline (the report page's link when it is as at one).
        app.MapGet("/actions/report.docx", async (int? year, int? quarter, int? strategy, string? asAt, ProgressReportDocument report, ReviewCycle cycle, CancellationToken ct) =>
        {
            var q = FinancialQuarter.TryCreate(year, quarter, out var asked) ? asked : (await cycle.NowAsync(ct)).Quarter;
            DateTimeOffset? cutOff = DateOnly.TryParseExact(asAt, "yyyy-MM-dd", out var day) ? Tracker.Domain.Common.UkDates.EndOfDay(day) : null;
            return await PaperResults.DocxAsync(s => report.WriteAsync(s, q, strategy, null, ct, asAt: cutOff), ProgressReportDocument.FileName(q));
        });
        app.MapGet("/actions/export.xlsx", async (int? year, int? quarter, int? strategy, ActionsWorkbook workbook, ReviewCycle cycle, CancellationToken ct) =>
        {
            var q = FinancialQuarter.TryCreate(year, quarter, out var asked) ? asked : (await cycle.NowAsync(ct)).Quarter;
            return await PaperResults.XlsxAsync(s => workbook.WriteAsync(s, q, strategy, ct), ActionsWorkbook.FileName(q));
        });
    }
}
