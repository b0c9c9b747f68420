using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tracker.App.Data;

namespace Tracker.App.Hosting;

/// <summary>/health answers 200 only when the database does.</summary>
public sealed class DatabaseHealthCheck(TrackerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
