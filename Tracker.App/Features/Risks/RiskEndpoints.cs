using Tracker.App.Common;

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
            return FileDownload.Csv(csv, $"risk-register-{risks.Today:yyyy-MM-dd}.csv");
        });
    }
}
