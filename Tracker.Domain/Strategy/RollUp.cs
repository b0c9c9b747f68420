namespace Tracker.Domain.Strategy;

/// <summary>An objective's or priority's RAG for a quarter: computed from its actions, optionally overridden.</summary>
public sealed record RollUpRag(RagStatus? Computed, RagStatus? Override = null, string? OverrideReason = null)
{
    public RagStatus? Effective => Override ?? Computed;
    public bool IsOverridden => Override is not null;
}

public static class RollUp
{
    /// <summary>
    /// The worst rating among the rated actions; actions not updated are left out. Blue (complete)
    /// only when every rated action is Blue, so finished work never hides work still in progress.
    /// Null when nothing is rated.
    /// </summary>
    public static RagStatus? Worst(IEnumerable<RagStatus?> ratings)
    {
        var rated = ratings.Where(r => r is not null).Select(r => r!.Value).ToList();
        if (rated.Count == 0) return null;
        if (rated.All(r => r == RagStatus.Blue)) return RagStatus.Blue;
        return rated.Where(r => r != RagStatus.Blue).MaxBy(Rag.Severity);
    }

    public static RollUpRag Of(IEnumerable<RagStatus?> ratings, RollUpOverride? over) =>
        new(Worst(ratings), over?.Rag, over?.Reason);
}

public enum RollUpLevel
{
    Objective,
    Priority,
}

/// <summary>A chair's or administrator's deliberate rating of an objective or priority for a quarter, with why.</summary>
public sealed class RollUpOverride : Common.Entity
{
    public RollUpLevel Level { get; set; }
    /// <summary>The objective's or priority's id, per <see cref="Level"/>.</summary>
    public int TargetId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public RagStatus Rag { get; set; }
    public required string Reason { get; set; }

    public FinancialQuarter FinancialQuarter => new(Year, Quarter);
}
