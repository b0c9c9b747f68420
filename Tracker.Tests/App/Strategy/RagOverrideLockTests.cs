using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Strategy;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

public abstract class RagOverrideLockTestsBase(TrackerAppFactory app)
{
    async Task<T> AsAsync<T>(string role, Func<StrategyService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = new StubUser($"Test {role}", null, role);
        return await work(ActivatorUtilities.CreateInstance<StrategyService>(scope.ServiceProvider, (ICurrentUser)user));
    }

    /// <summary>A priority and a metric value of one strategy, with the metric's quarter locked.</summary>
    async Task<(int PriorityId, int ValueId, int ValueVersion, FinancialQuarter Quarter)> LockedAsync(int year) => await app.WithDbAsync(async db =>
    {
        var value = await db.MetricValues.Include(v => v.Metric).OrderBy(v => v.Id).FirstAsync();
        var quarter = new FinancialQuarter(year, 1);
        value.Year = quarter.Year;
        value.Quarter = quarter.Quarter;
        var priority = await db.Priorities.Where(p => p.StrategyId == value.Metric!.StrategyId).Select(p => p.Id).FirstAsync();
        db.QuarterLocks.Add(new QuarterLock { StrategyId = value.Metric!.StrategyId, Year = quarter.Year, Quarter = quarter.Quarter, LockedBy = "Chair", LockedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return (priority, value.Id, value.Version, quarter);
    });

    [ProviderFact]
    public async Task OverrideRollUp_LockedQuarterAsChair_Refused()
    {
        var (priority, _, _, quarter) = await LockedAsync(2031);
        var result = await AsAsync(TrackerRoles.Chair, s => s.OverrideRollUpAsync(RollUpLevel.Priority, priority, quarter, new RagOverrideInput(RagStatus.Green, "Agreed")));
        Assert.NotNull(result.Denied);
        Assert.False(await app.WithDbAsync(db => db.RollUpOverrides.AnyAsync(o => o.TargetId == priority && o.Year == quarter.Year && o.Quarter == quarter.Quarter)));
    }

    [ProviderFact]
    public async Task OverrideRollUp_LockedQuarterAsAdministratorWithReason_SavedAndAuditedWithReason()
    {
        var (priority, _, _, quarter) = await LockedAsync(2032);
        var result = await AsAsync(TrackerRoles.Administrator, s => s.OverrideRollUpAsync(RollUpLevel.Priority, priority, quarter, new RagOverrideInput(RagStatus.Green, "Chair agreed at the meeting")));
        Assert.True(result.Succeeded);
        var reason = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(RollUpOverride) && a.EntityKey == result.Id.ToString()).Select(a => a.Reason).SingleAsync());
        Assert.Equal($"Changed after {quarter.Label} was locked: Chair agreed at the meeting", reason);
    }

    [ProviderFact]
    public async Task OverrideMetric_LockedQuarterAsChair_Refused()
    {
        var (_, valueId, version, _) = await LockedAsync(2033);
        var result = await AsAsync(TrackerRoles.Chair, s => s.OverrideMetricAsync(valueId, version, new RagOverrideInput(RagStatus.Blue, "Worse than it looks")));
        Assert.NotNull(result.Denied);
        Assert.NotEqual(RagStatus.Blue, await app.WithDbAsync(db => db.MetricValues.Where(v => v.Id == valueId).Select(v => v.RagOverride).SingleAsync()));
    }

    [ProviderFact]
    public async Task OverrideMetric_LockedQuarterAsAdministratorWithReason_SavedAndAuditedWithReason()
    {
        var (_, valueId, version, quarter) = await LockedAsync(2034);
        var result = await AsAsync(TrackerRoles.Administrator, s => s.OverrideMetricAsync(valueId, version, new RagOverrideInput(RagStatus.Red, "Worse than it looks")));
        Assert.True(result.Succeeded);
        var reason = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(MetricValue) && a.EntityKey == valueId.ToString() && a.Action == "Modified")
            .OrderByDescending(a => a.Id).Select(a => a.Reason).FirstAsync());
        Assert.Equal($"Changed after {quarter.Label} was locked: Worse than it looks", reason);
    }

    [ProviderFact]
    public async Task LoadReport_OverriddenPriorityInLockedQuarter_CarriesTheReasonToPrint()
    {
        var (priority, _, _, quarter) = await LockedAsync(2035);
        var strategyId = await app.WithDbAsync(db => db.Priorities.Where(p => p.Id == priority).Select(p => p.StrategyId).SingleAsync());
        Assert.True((await AsAsync(TrackerRoles.Administrator, s => s.OverrideRollUpAsync(RollUpLevel.Priority, priority, quarter, new RagOverrideInput(RagStatus.Amber, "Funding confirmed late")))).Succeeded);

        await using var scope = app.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<StrategyQueries>().LoadAsync(strategyId, quarter);
        var rollUp = view!.Priorities.Single(p => p.Id == priority).RollUp;
        Assert.True(rollUp.IsOverridden);
        Assert.Equal("Funding confirmed late", rollUp.OverrideReason);
    }
}

/// <summary>The cases of <see cref="RagOverrideLockTestsBase"/> on SQLite (the default provider).</summary>
public sealed class RagOverrideLockTests(TrackerAppFactory app) : RagOverrideLockTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class RagOverrideLockTestsOnPostgreSql(PostgreSqlAppFactory app) : RagOverrideLockTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
