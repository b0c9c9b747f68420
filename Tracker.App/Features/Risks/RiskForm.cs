using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>
/// The risk form's fields, typed as the form's controls give them. Property names match
/// <see cref="RiskInput"/> so the messages of a refused save land on their fields.
/// </summary>
public sealed class RiskForm
{
    public int Version { get; set; }
    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Cause { get; set; }
    public string? Impact { get; set; }
    /// <summary>Category codes in the register's order (P, E, S, T, L, C), as the checkboxes are ticked.</summary>
    public List<string> Categories { get; set; } = [];
    public int? OwnerGroupId { get; set; }
    public int? GrossLikelihood { get; set; }
    public int? GrossSeverity { get; set; }
    public string? Controls { get; set; }
    public int? NetLikelihood { get; set; }
    public int? NetSeverity { get; set; }
    public int? TargetLikelihood { get; set; }
    public int? TargetSeverity { get; set; }
    public int ReviewFrequencyMonths { get; set; } = 3;
    public string? NextReviewDate { get; set; }
    public RiskStatus Status { get; set; } = RiskStatus.Open;
    public string? ClosingNote { get; set; }
    public string? AssessmentNote { get; set; }

    public RiskScore? Gross => RiskScore.From(GrossLikelihood, GrossSeverity);
    public RiskScore? Net => RiskScore.From(NetLikelihood, NetSeverity);
    public RiskScore? Target => RiskScore.From(TargetLikelihood, TargetSeverity);

    public void SetCategory(string code, bool ticked)
    {
        if (ticked && !Categories.Contains(code)) Categories = RiskCategory.Codes.Where(c => c == code || Categories.Contains(c)).ToList();
        if (!ticked) Categories = Categories.Where(c => c != code).ToList();
    }

    public RiskInput ToInput() => new(
        Reference ?? "", Title ?? "", Cause, Impact, Categories.ToList(), OwnerGroupId,
        GrossLikelihood, GrossSeverity, Controls, NetLikelihood, NetSeverity, TargetLikelihood, TargetSeverity,
        ReviewFrequencyMonths, NextReviewDate, Status, ClosingNote, AssessmentNote);

    /// <summary>What the user has changed, compared field by field with <paramref name="loaded"/> (lists by their items).</summary>
    public bool DiffersFrom(RiskInput loaded)
    {
        var now = ToInput();
        return now with { Categories = loaded.Categories } != loaded
               || !now.Categories.Select(c => c.Trim().ToUpperInvariant()).ToHashSet().SetEquals(loaded.Categories.Select(c => c.Trim().ToUpperInvariant()));
    }

    public static RiskForm From(RiskForEdit risk) => new()
    {
        Version = risk.Version,
        Reference = risk.Input.Reference,
        Title = risk.Input.Title,
        Cause = risk.Input.Cause,
        Impact = risk.Input.Impact,
        Categories = RiskCategory.Codes.Where(c => risk.Input.Categories.Contains(c)).ToList(),
        OwnerGroupId = risk.Input.OwnerGroupId,
        GrossLikelihood = risk.Input.GrossLikelihood,
        GrossSeverity = risk.Input.GrossSeverity,
        Controls = risk.Input.Controls,
        NetLikelihood = risk.Input.NetLikelihood,
        NetSeverity = risk.Input.NetSeverity,
        TargetLikelihood = risk.Input.TargetLikelihood,
        TargetSeverity = risk.Input.TargetSeverity,
        ReviewFrequencyMonths = risk.Input.ReviewFrequencyMonths ?? 3,
        NextReviewDate = risk.Input.NextReviewDate,
        Status = risk.Input.Status,
        ClosingNote = risk.Input.ClosingNote,
    };
}

/// <summary>The further action dialog's fields.</summary>
public sealed class FurtherActionForm
{
    public int Version { get; set; }
    public string? Description { get; set; }
    public string? Owner { get; set; }
    /// <summary>"Red", "Amber", "Green", "Blue", or empty for not rated.</summary>
    public string? Rag { get; set; }
    public string? TargetDate { get; set; }

    /// <summary>The input as given; a RAG that is not a rating ("Purple") is an error in <paramref name="typed"/>, not "Not rated".</summary>
    public FurtherActionInput ToInput(TypedText typed) =>
        new(Description ?? "", Owner,
            Rag?.Trim().Equals("Not rated", StringComparison.OrdinalIgnoreCase) == true ? null
                : typed.Choice<FurtherActionRag>(Rag, nameof(Rag), "Select Red, Amber, Green or Blue, or Not rated"),
            TargetDate);

    /// <summary>The input, for comparing with what was loaded (the RAG is always one of the dialog's own choices).</summary>
    public FurtherActionInput ToInput() => ToInput(new TypedText());

    public static FurtherActionForm From(FurtherActionForEdit action) => new()
    {
        Version = action.Version,
        Description = action.Input.Description,
        Owner = action.Input.Owner,
        Rag = action.Input.Rag?.ToString() ?? "",
        TargetDate = action.Input.TargetDate,
    };
}

/// <summary>Options for the likelihood and severity selects, with the usual words on a 5 × 5 matrix.</summary>
public static class ScoreOptions
{
    static readonly string[] Likelihoods = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
    static readonly string[] Severities = ["Negligible", "Minor", "Moderate", "Major", "Severe"];

    public static IReadOnlyList<(int Value, string Text)> Likelihood(int size) => Build(size, Likelihoods);
    public static IReadOnlyList<(int Value, string Text)> Severity(int size) => Build(size, Severities);

    static IReadOnlyList<(int Value, string Text)> Build(int size, string[] words) =>
        Enumerable.Range(1, size).Select(i => (i, size == 5 ? $"{i} – {words[i - 1]}" : i.ToString())).ToList();
}
