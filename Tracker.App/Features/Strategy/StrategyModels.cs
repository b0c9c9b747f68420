using Tracker.App.Features.Meetings;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>A strategy to choose; <paramref name="IsCurrent"/> for the one taking the quarter under review's updates.</summary>
public sealed record StrategyOption(int Id, string Title, int StartYear, int EndYear, bool IsCurrent = false)
{
    public bool Covers(FinancialQuarter quarter) => StartYear <= quarter.Year && quarter.Year <= EndYear;
}

public sealed record UpdateView(int Id, int QuarterKey, RagStatus Rag, string Narrative, string? EvidenceLink, string AuthorName, DateTimeOffset RecordedAt);

public sealed record ActionView(
    int Id, string Number, string Description, IReadOnlyList<string> OwnerInitials, IReadOnlyList<string> OwnerNames,
    string? GroupName, string? LeadPartner, DateOnly? StartDate, DateOnly? TargetDate, ActionStatus Status, bool IsRetired,
    UpdateView? Update, RagStatus? PreviousRag)
{
    public RagStatus? Rag => Update?.Rag;
    public string Owners => string.Join("/", OwnerInitials);
}

public sealed record ObjectiveView(int Id, int Number, string Title, string Description, string? SubPriority, bool IsRetired,
    RollUpRag RollUp, IReadOnlyList<ActionView> Actions);

public sealed record PriorityView(int Id, int Number, string Heading, string Title, string Description, string? LeadPartner,
    IReadOnlyList<(int Number, string Title)> SubPriorities, RollUpRag RollUp, IReadOnlyList<ObjectiveView> Objectives)
{
    public IEnumerable<ActionView> Actions => Objectives.SelectMany(o => o.Actions);
}

public sealed record MetricRow(int ValueId, int Version, string Name, string? Priority, int Count, int PreviousCount,
    decimal? ChangePercent, string ChangeText, RagStatus Suggested, RagStatus? Override, string? OverrideReason, string PeriodLabel)
{
    public RagStatus Rag => Override ?? Suggested;
    /// <summary>The priority the metric belongs to, so the report can show it under that priority.</summary>
    public int? PriorityId { get; init; }
}

public sealed record QuarterLockView(string LockedBy, DateTimeOffset LockedAt);

public sealed record StrategyView(int Id, string Title, FinancialQuarter Quarter, IReadOnlyList<PriorityView> Priorities,
    IReadOnlyList<MetricRow> Metrics, QuarterLockView? Lock)
{
    public IEnumerable<ActionView> Actions => Priorities.SelectMany(p => p.Actions);
}

public sealed record TimelineEntry(FinancialQuarter Quarter, UpdateView? Current, IReadOnlyList<UpdateView> Earlier, bool Locked);

public sealed record ActionDetail(int StrategyId, string StrategyTitle, string PriorityHeading, string ObjectiveTitle, int ObjectiveNumber,
    ActionView Action, IReadOnlyList<TimelineEntry> Timeline, bool CanUpdate)
{
    /// <summary>The action's strategy has ended and a later one takes the updates for the quarter under review.</summary>
    public bool IsHistory { get; init; }
}

public enum MyUpdateState
{
    NotUpdated,
    Updated,
    Locked,
}

/// <summary>One of a lead's actions for the quarter: where it sits, this quarter's update if any and the last one before it.</summary>
public sealed record MyUpdateRow(int ActionId, string Number, string Description, string? GroupName, MyUpdateState State, RagStatus? Rag)
{
    /// <summary>The action's version, for the in-place update's concurrency check.</summary>
    public int Version { get; init; }
    public int PriorityId { get; init; }
    /// <summary>"Priority One – Safer Neighbourhoods": action numbers repeat across priorities.</summary>
    public string PriorityHeading { get; init; } = "";
    public int ObjectiveId { get; init; }
    public string ObjectiveHeading { get; init; } = "";
    public UpdateView? Current { get; init; }
    /// <summary>The latest update of an earlier quarter: shown, and offered as the narrative to carry forward.</summary>
    public UpdateView? Previous { get; init; }
}

public sealed record MyUpdatesView(UnderReview Review, IReadOnlyList<MyUpdateRow> Rows, IReadOnlyDictionary<RagStatus, string> Definitions)
{
    public FinancialQuarter Quarter => Review.Quarter;
    public int Updated => Rows.Count(r => r.State == MyUpdateState.Updated);
}

/// <param name="PersonId">The lead's person, on the "By lead" rows (the clerk chases them from there).</param>
public sealed record CompletenessRow(string Name, int Updated, int Outstanding, int Late, int? PersonId = null)
{
    public int Total => Updated + Outstanding + Late;
}

public sealed record Completeness(int StrategyId, string StrategyTitle, UnderReview Review,
    IReadOnlyList<CompletenessRow> ByGroup, IReadOnlyList<CompletenessRow> ByLead, QuarterLockView? Lock,
    IReadOnlyList<ActionView> WithoutSubGroup)
{
    public FinancialQuarter Quarter => Review.Quarter;
    public bool PastDeadline => Review.PastDeadline;
}

public sealed record RagCount(RagStatus? Rag, int Count, int Previous)
{
    public int Change => Count - Previous;
}

public sealed record PrioritySummary(string Heading, IReadOnlyList<RagCount> Counts);

public sealed record DashboardSummary(int StrategyId, string StrategyTitle, FinancialQuarter Quarter, IReadOnlyList<PrioritySummary> Priorities);

public sealed record UpdateForm(int ActionId, int Version, string Number, string Description, string StrategyTitle, FinancialQuarter Quarter,
    UpdateView? Current, UpdateView? Previous, IReadOnlyDictionary<RagStatus, string> Definitions, QuarterLockView? Lock, bool CanUpdate);

public static class UpdateViewExtensions
{
    public static FinancialQuarter Quarter(this UpdateView update) => FinancialQuarter.FromKey(update.QuarterKey);
}

public sealed record QuarterRagCounts(FinancialQuarter Quarter, IReadOnlyList<RagCount> Counts);

public sealed record PriorityRagMix(string Heading, IReadOnlyList<QuarterRagCounts> Quarters);

public sealed record MetricPoint(FinancialQuarter Quarter, string PeriodLabel, int Count, int PreviousCount, string ChangeText, RagStatus Rag);

public sealed record MetricTrend(string Name, IReadOnlyList<MetricPoint> Points);

public sealed record ChartData(IReadOnlyList<FinancialQuarter> Quarters, IReadOnlyList<PriorityRagMix> Priorities, IReadOnlyList<MetricTrend> Metrics);
