using Tracker.App.Live;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>
/// What the strategy views (dashboard summary, overview, report, completeness) are computed from:
/// every strategy with its priorities, sub-priorities, objectives and actions (owners, sub-group,
/// lead partner), every quarterly update, override, metric with its values, and quarter lock.
/// Anything that depends on the user or on today's date is worked out per request from this.
/// Immutable read records only: the data is shared by every circuit, so no EF entity is kept.
/// </summary>
public sealed record StrategyData(
    IReadOnlyList<StrategyRead> Strategies,
    IReadOnlyDictionary<int, IReadOnlyList<UpdateRead>> UpdatesByQuarterKey,
    IReadOnlyDictionary<int, IReadOnlyList<int>> UpdateQuarterKeysByStrategy,
    IReadOnlyList<OverrideRead> Overrides,
    IReadOnlyList<MetricRead> Metrics,
    IReadOnlyList<LockRead> Locks)
{
    public StrategyRead? Find(int strategyId) => Strategies.FirstOrDefault(s => s.Id == strategyId);

    public IReadOnlyList<UpdateRead> UpdatesIn(FinancialQuarter quarter) =>
        UpdatesByQuarterKey.GetValueOrDefault(quarter.Key) ?? [];
}

public sealed record StrategyRead(int Id, string Title, int StartYear, int EndYear, bool IsRetired, IReadOnlyList<PriorityRead> Priorities)
{
    public FinancialQuarter FirstQuarter => new(StartYear, 1);
    public FinancialQuarter LastQuarter => new(EndYear, 4);
}

public sealed record PriorityRead(int Id, int Number, string Title, string Heading, string Description, bool IsRetired, string? LeadPartner,
    IReadOnlyList<SubPriorityRead> SubPriorities, IReadOnlyList<ObjectiveRead> Objectives);

public sealed record SubPriorityRead(int Number, string Title, bool IsRetired);

public sealed record ObjectiveRead(int Id, int Number, int Order, string Title, string Description, string? SubPriority, bool IsRetired,
    IReadOnlyList<ActionRead> Actions);

public sealed record OwnerRead(int PersonId, string Initials, string Name);

public sealed record ActionRead(int Id, string Number, string Description, int Order, IReadOnlyList<OwnerRead> Owners, int? GroupId, string? GroupName,
    string? LeadPartnerCode, DateOnly? StartDate, DateOnly? TargetDate, ActionStatus Status, bool IsRetired);

public sealed record UpdateRead(int ActionId, UpdateView View);

public sealed record OverrideRead(RollUpLevel Level, int TargetId, int Year, int Quarter, RagStatus Rag, string Reason)
{
    /// <summary>The override's record, for reading it back as at a papers deadline from the audit trail.</summary>
    public int Id { get; init; }

    public RollUpRag Apply(IEnumerable<RagStatus?> ratings) => new(RollUp.Worst(ratings), Rag, Reason);
}

public sealed record MetricRead(int Id, int StrategyId, int? PriorityId, string Name, string? PriorityHeading, bool LowerIsBetter,
    IReadOnlyList<MetricValueRead> Values);

public sealed record MetricValueRead(int Id, int Version, int Year, int Quarter, string PeriodLabel, int Count, int PreviousCount,
    decimal? ChangePercent, string ChangeText, RagStatus Suggested, RagStatus? Override, string? OverrideReason)
{
    public FinancialQuarter FinancialQuarter => new(Year, Quarter);
    public RagStatus Rag => Override ?? Suggested;
}

public sealed record LockRead(int StrategyId, int Year, int Quarter, string LockedBy, DateTimeOffset LockedAt);

/// <summary>
/// The strategy's data in memory (see <see cref="CommittedDataCache{T}"/>): the dashboard and the
/// report read it many times a second, and loading it took about ten queries a request. Every entity
/// it reads maps to the "strategy" area in <see cref="LiveTopics"/>, except people, partners, groups
/// and group membership (names, initials), which are "people".
/// </summary>
public sealed class StrategyDataCache(ChangeFeed feed) : CommittedDataCache<StrategyData>(feed, "strategy", "people");
