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
/// The strategy's data in memory (see <see cref="CommittedDataCache{T}"/>): the dashboard and the
/// report read it many times a second, and loading it took about ten queries a request. Every entity
/// it reads maps to the "strategy" area in <see cref="LiveTopics"/>, except people, partners, groups
/// and group membership (names, initials), which are "people".
/// </summary>
public sealed class StrategyDataCache(ChangeFeed feed) : CommittedDataCache<StrategyData>(feed, "strategy", "people");
