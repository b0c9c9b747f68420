using Tracker.Domain.Common;

namespace Tracker.Domain.Risks;

public enum RiskStatus
{
    Open,
    Closed,
}

/// <summary>
/// One row of the risk register (the partnership's "Risk Log"). The current scores live on the risk
/// for querying; every change of score also appends a dated <see cref="RiskAssessment"/>, so history
/// and direction of travel are read from those snapshots.
/// </summary>
public sealed class Risk : Entity
{
    /// <summary>"R1", "R12": how the papers and the chair refer to the risk.</summary>
    public required string Reference { get; set; }
    /// <summary>The uncertainty which may affect the partnership's objectives.</summary>
    public required string Title { get; set; }
    /// <summary>Definite situational facts affecting the objective.</summary>
    public string Cause { get; set; } = "";
    /// <summary>The contingent effect on the objective.</summary>
    public string Impact { get; set; } = "";
    /// <summary>Category codes in register order, as the Risk Log writes them: "P, E, S".</summary>
    public string Categories { get; set; } = "";
    public int OwnerGroupId { get; set; }

    public int GrossLikelihood { get; set; }
    public int GrossSeverity { get; set; }
    public string Controls { get; set; } = "";
    public int? NetLikelihood { get; set; }
    public int? NetSeverity { get; set; }
    public int? TargetLikelihood { get; set; }
    public int? TargetSeverity { get; set; }

    /// <summary>Months between reviews: 3 is quarterly, the default.</summary>
    public int ReviewFrequencyMonths { get; set; } = 3;
    public DateOnly? NextReviewDate { get; set; }
    public RiskStatus Status { get; set; } = RiskStatus.Open;
    public string? ClosingNote { get; set; }

    readonly List<FurtherAction> _furtherActions = [];
    public IReadOnlyList<FurtherAction> FurtherActions => _furtherActions;
    readonly List<RiskAssessment> _assessments = [];
    public IReadOnlyList<RiskAssessment> Assessments => _assessments;
    readonly List<RiskReview> _reviews = [];
    public IReadOnlyList<RiskReview> Reviews => _reviews;

    public RiskScore Gross => new(GrossLikelihood, GrossSeverity);
    public RiskScore? Net => RiskScore.From(NetLikelihood, NetSeverity);
    public RiskScore? Target => RiskScore.From(TargetLikelihood, TargetSeverity);

    public IReadOnlyList<string> CategoryCodes => SplitCategories(Categories);

    public static IReadOnlyList<string> SplitCategories(string? text) =>
        (text ?? "").Split([',', ' ', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();

    /// <summary>Codes joined as the Risk Log writes them ("T, E"), in the order given: the log's order is kept verbatim.</summary>
    public static string JoinCategories(IEnumerable<string> codes) =>
        string.Join(", ", codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct());

    /// <summary>A new risk from validated input, with its first assessment dated <paramref name="on"/>.</summary>
    public static Risk Create(RiskInput input, string by, DateOnly on)
    {
        var risk = new Risk { Reference = "", Title = "" };
        risk.Update(input, by, on);
        return risk;
    }

    /// <summary>
    /// Applies validated input. A change to any score is a reassessment and keeps a snapshot;
    /// a change of wording alone does not.
    /// </summary>
    public void Update(RiskInput input, string by, DateOnly on)
    {
        Reference = input.Reference.Trim().ToUpperInvariant();
        Title = input.Title.Trim();
        Cause = input.Cause?.Trim() ?? "";
        Impact = input.Impact?.Trim() ?? "";
        // A form posts codes in register order; keep the order as written (the Risk Log's "T, E") unless the set changed.
        var categories = JoinCategories(input.Categories);
        if (!SplitCategories(categories).ToHashSet().SetEquals(CategoryCodes)) Categories = categories;
        OwnerGroupId = input.OwnerGroupId!.Value;
        Controls = input.Controls?.Trim() ?? "";
        ReviewFrequencyMonths = input.ReviewFrequencyMonths ?? 3;
        NextReviewDate = UkDates.TryParseShort(input.NextReviewDate, out var next) ? next : null;
        Status = input.Status;
        ClosingNote = input.Status == RiskStatus.Closed ? input.ClosingNote?.Trim() : null;
        Reassess(new RiskScore(input.GrossLikelihood!.Value, input.GrossSeverity!.Value),
            RiskScore.From(input.NetLikelihood, input.NetSeverity),
            RiskScore.From(input.TargetLikelihood, input.TargetSeverity),
            input.AssessmentNote, by, on);
    }

    /// <summary>
    /// Sets the three scores; keeps a snapshot when any of them changed (or on the first assessment).
    /// A note given without a change of score is kept too, as a dated entry with the same scores, so
    /// the history says what the owner found; returns whether the scores changed.
    /// </summary>
    public bool Reassess(RiskScore gross, RiskScore? net, RiskScore? target, string? note, string by, DateOnly on)
    {
        var changed = _assessments.Count == 0 || Gross != gross || Net != net || Target != target;
        GrossLikelihood = gross.Likelihood;
        GrossSeverity = gross.Severity;
        NetLikelihood = net?.Likelihood;
        NetSeverity = net?.Severity;
        TargetLikelihood = target?.Likelihood;
        TargetSeverity = target?.Severity;
        if (!changed && string.IsNullOrWhiteSpace(note)) return false;
        _assessments.Add(new RiskAssessment
        {
            Risk = this,
            AssessedOn = on,
            AssessedBy = by,
            GrossLikelihood = gross.Likelihood,
            GrossSeverity = gross.Severity,
            NetLikelihood = net?.Likelihood,
            NetSeverity = net?.Severity,
            TargetLikelihood = target?.Likelihood,
            TargetSeverity = target?.Severity,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        return changed;
    }

    public FurtherAction AddFurtherAction(FurtherActionInput input)
    {
        var action = new FurtherAction { Risk = this, Description = "" };
        action.Update(input);
        action.Order = _furtherActions.Count == 0 ? 1 : _furtherActions.Max(a => a.Order) + 1;
        _furtherActions.Add(action);
        return action;
    }

    public void RemoveFurtherAction(FurtherAction action) => _furtherActions.Remove(action);

    /// <summary>Replaces the further actions in order (a CSV import states the whole list).</summary>
    public void ReplaceFurtherActions(IReadOnlyList<FurtherActionInput> inputs)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            if (i < _furtherActions.Count) _furtherActions[i].Update(inputs[i]);
            else AddFurtherAction(inputs[i]);
        }
        while (_furtherActions.Count > inputs.Count) _furtherActions.RemoveAt(_furtherActions.Count - 1);
    }

    /// <summary>The chair's review in a meeting: recorded, and the next review falls due a frequency later.</summary>
    public RiskReview RecordReview(DateOnly on, string? note, string? agreedChanges, string by)
    {
        var review = new RiskReview
        {
            Risk = this, ReviewedOn = on, ReviewedBy = by,
            Note = note?.Trim() ?? "", AgreedChanges = string.IsNullOrWhiteSpace(agreedChanges) ? null : agreedChanges.Trim(),
        };
        _reviews.Add(review);
        NextReviewDate = on.AddMonths(ReviewFrequencyMonths);
        return review;
    }

    /// <summary>The score the register sorts and flags by: net once assessed, otherwise gross.</summary>
    public RiskScore Current => Net ?? Gross;

    public bool IsReviewOverdue(DateOnly today) => Status == RiskStatus.Open && NextReviewDate is { } due && due < today;
}

/// <summary>A dated, append-only snapshot of a risk's three scores: the register's history.</summary>
public sealed class RiskAssessment : Entity
{
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    /// <summary>The date the assessment applies from (a meeting date for sample history).</summary>
    public DateOnly AssessedOn { get; set; }
    public string AssessedBy { get; set; } = "";
    public int GrossLikelihood { get; set; }
    public int GrossSeverity { get; set; }
    public int? NetLikelihood { get; set; }
    public int? NetSeverity { get; set; }
    public int? TargetLikelihood { get; set; }
    public int? TargetSeverity { get; set; }
    public string? Note { get; set; }

    public RiskScore Gross => new(GrossLikelihood, GrossSeverity);
    public RiskScore? Net => RiskScore.From(NetLikelihood, NetSeverity);
    public RiskScore? Target => RiskScore.From(TargetLikelihood, TargetSeverity);
    public RiskScore Current => Net ?? Gross;
}

/// <summary>The chair's review of a risk in a meeting: when, what was said, what was agreed.</summary>
public sealed class RiskReview : Entity
{
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public string ReviewedBy { get; set; } = "";
    public string Note { get; set; } = "";
    public string? AgreedChanges { get; set; }
}
