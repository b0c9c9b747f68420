using System.Text;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

public static class StrategyEndpoints
{
    public static void AddStrategy(this IServiceCollection services)
    {
        services.AddScoped<PapersDeadlines>();
        services.AddSingleton<StrategyDataCache>();
        services.AddScoped<StrategyQueries>();
        services.AddScoped<StrategyService>();
        services.AddScoped<StrategyAdminService>();
        services.AddScoped<MetricsAdminService>();
        services.AddScoped<StrategyExport>();
    }

    public static void MapStrategyEndpoints(this IEndpointRouteBuilder app)
    {
        // year is the first calendar year of the financial year: year=2020&quarter=4 is January–March 2021.
        app.MapGet("/actions/export.csv", async (int? year, int? quarter, int? strategy, StrategyExport export, StrategyQueries queries, CancellationToken ct) =>
        {
            var q = FinancialQuarter.TryCreate(year, quarter, out var asked) ? asked : queries.CurrentQuarter;
            var csv = await export.CsvAsync(q, strategy, ct);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                $"actions-{q.Year}-q{q.Quarter}.csv");
        });
    }
}
