using Tracker.App.Live;
using Tracker.Domain.Strategy;
using StrategyEntity = Tracker.Domain.Strategy.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>
/// What the strategy views (dashboard summary, overview, report, completeness) are computed from:
/// every strategy with its priorities, sub-priorities, objectives and actions (owners, sub-group,
/// lead partner), every quarterly update, override, metric with its values, and quarter lock.
/// Anything that depends on the user or on today's date is worked out per request from this.
/// </summary>
/// <remarks>Shared between requests: read it, never change it.</remarks>
public sealed record StrategyData(
    IReadOnlyList<StrategyEntity> Strategies,
    IReadOnlyDictionary<int, IReadOnlyList<QuarterlyUpdate>> UpdatesByQuarterKey,
    IReadOnlyDictionary<int, IReadOnlyList<int>> UpdateQuarterKeysByStrategy,
    IReadOnlyList<RollUpOverride> Overrides,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<QuarterLock> Locks)
{
    public StrategyEntity? Find(int strategyId) => Strategies.FirstOrDefault(s => s.Id == strategyId);

    public IReadOnlyList<QuarterlyUpdate> UpdatesIn(FinancialQuarter quarter) =>
        UpdatesByQuarterKey.GetValueOrDefault(quarter.Key) ?? [];
}

/// <summary>
/// Keeps the strategy's data in memory between requests, in the same way as
/// <see cref="Risks.RiskDataCache"/>: the dashboard and the report read it many times a second and it
/// changes a few times a day, while loading it took about ten queries a request. Every entity it reads
/// maps to the "strategy" area in <see cref="LiveTopics"/>, except people, partners, groups and group
/// membership (names, initials), which are "people"; every commit touching either moves the change
/// feed's version on after the commit and before the broadcast, and a copy stamped with an older
/// version is never served. A copy loaded while a save commits is stamped with the version read
/// before loading, so it is thrown away rather than kept stale.
/// </summary>
public sealed class StrategyDataCache(ChangeFeed feed)
{
    sealed record Entry(long Version, StrategyData Data);

    Entry? _entry;

    long Version => feed.VersionOf("strategy") + feed.VersionOf("people");

    public async Task<StrategyData> GetAsync(Func<CancellationToken, Task<StrategyData>> load, CancellationToken ct)
    {
        var version = Version;
        if (Volatile.Read(ref _entry) is { } entry && entry.Version == version) return entry.Data;
        var data = await load(ct);
        Volatile.Write(ref _entry, new Entry(version, data));
        return data;
    }
}
