using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

/// <summary>Whether this instance may take traffic: the database is migrated (and seeded), and with several instances the relay listens.</summary>
public sealed class Readiness
{
    volatile bool _databaseReady;
    public bool DatabaseReady => _databaseReady;
    public void MarkDatabaseReady() => _databaseReady = true;
}

/// <summary>/health and /health/ready: the change relay listens (PostgreSQL only; SQLite has one instance and no relay).</summary>
public sealed class RelayHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var relay = services.GetService<IChangeRelay>();
        return Task.FromResult(relay switch
        {
            null => HealthCheckResult.Healthy("One instance (SQLite): nothing to relay."),
            { Listening: true } => HealthCheckResult.Healthy($"Listening as instance {relay.InstanceId}."),
            _ => HealthCheckResult.Unhealthy($"Instance {relay.InstanceId} is not listening: changes of other instances do not reach it."),
        });
    }
}

/// <summary>/health/ready: migrations applied and sample data seeded on this instance's start-up.</summary>
public sealed class StartupHealthCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.DatabaseReady
            ? HealthCheckResult.Healthy("Migrated.")
            : HealthCheckResult.Unhealthy("The database is being migrated."));
}
