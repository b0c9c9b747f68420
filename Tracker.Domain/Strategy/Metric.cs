using Tracker.Domain.Common;

namespace Tracker.Domain.Strategy;

/// <summary>
/// A performance measure such as "Total Notifiable Offences", reported as a rolling 12-month count
/// against the previous rolling year. Thresholds turn the % change into a suggested RAG.
/// </summary>
public sealed class Metric : Entity
{
    public int StrategyId { get; set; }
    public int? PriorityId { get; set; }
    public Priority? Priority { get; set; }
    public required string Name { get; set; }
    public bool LowerIsBetter { get; set; } = true;
    public int Order { get; set; }
    /// <summary>A worsening (in % points) above this is Amber; at or below it is Green.</summary>
    public decimal AmberAbovePercent { get; set; }
    /// <summary>A worsening above this is Red.</summary>
    public decimal RedAbovePercent { get; set; } = 25;

    readonly List<MetricValue> _values = [];
    public IReadOnlyList<MetricValue> Values => _values;

    public MetricValue AddValue(FinancialQuarter quarter, string periodLabel, int count, int previousCount)
    {
        var value = new MetricValue
        {
            Metric = this, Year = quarter.Year, Quarter = quarter.Quarter, PeriodLabel = periodLabel,
            Count = count, PreviousCount = previousCount,
        };
        _values.Add(value);
        return value;
    }

    public void Update(MetricInput input)
    {
        Name = input.Name.Trim();
        PriorityId = input.PriorityId;
        LowerIsBetter = input.LowerIsBetter!.Value;
        AmberAbovePercent = input.AmberAbovePercent!.Value;
        RedAbovePercent = input.RedAbovePercent!.Value;
    }

    /// <summary>Green when no worse than the amber threshold, Amber up to the red threshold, Red beyond.</summary>
    public RagStatus Suggest(decimal? changePercent)
    {
        if (changePercent is null) return RagStatus.Amber;
        var worsening = LowerIsBetter ? changePercent.Value : -changePercent.Value;
        if (worsening <= AmberAbovePercent) return RagStatus.Green;
        return worsening <= RedAbovePercent ? RagStatus.Amber : RagStatus.Red;
    }
}

/// <summary>A metric's figures for one reporting period, e.g. "Rolling Year Jan 21".</summary>
public sealed class MetricValue : Entity
{
    public int MetricId { get; set; }
    public Metric? Metric { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public required string PeriodLabel { get; set; }
    /// <summary>The rolling 12-month count.</summary>
    public int Count { get; set; }
    /// <summary>The previous rolling year's count.</summary>
    public int PreviousCount { get; set; }
    public RagStatus? RagOverride { get; set; }
    public string? OverrideReason { get; set; }

    /// <summary>% change from the previous rolling year, to one place; null when there is nothing to compare with.</summary>
    public decimal? ChangePercent => ExactChange is { } c ? Math.Round(c, 1) : null;

    decimal? ExactChange => PreviousCount == 0 ? null : (Count - PreviousCount) * 100m / PreviousCount;

    /// <summary>
    /// "-16% (25,481)", as the report's "% difference Rolling Year" column shows it. Rounded once, to a
    /// whole percent, as 004 does: knife crime 639 against 1,216 is -47.45%, printed -47% (rounding to
    /// one place first gave -47.5%, then -48%).
    /// </summary>
    public string ChangeText => ExactChange is { } c
        ? $"{(c > 0 ? "+" : "")}{Math.Round(c, 0, MidpointRounding.AwayFromZero):0}% ({PreviousCount.ToString("N0", UkDates.Culture)})"
        : $"n/a ({PreviousCount.ToString("N0", UkDates.Culture)})";

    public void Update(MetricValueInput input)
    {
        Year = input.Year!.Value;
        Quarter = input.Quarter!.Value;
        PeriodLabel = input.PeriodLabel.Trim();
        Count = input.Count!.Value;
        PreviousCount = input.PreviousCount!.Value;
    }

    public RagStatus Rag(Metric metric) => RagOverride ?? metric.Suggest(ChangePercent);

    public void Override(RagStatus? rag, string? reason)
    {
        RagOverride = rag;
        OverrideReason = rag is null ? null : reason?.Trim();
    }
}
