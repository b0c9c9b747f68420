using System.Text;

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
        app.MapGet("/risks/export.csv", async (RiskRegisterQueries risks, CancellationToken ct) =>
        {
            var csv = await risks.ExportCsvAsync(ct);
            // A byte order mark so spreadsheet programs read the en dashes and accents as UTF-8.
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"risk-register-{risks.Today:yyyy-MM-dd}.csv");
        });
    }
}
