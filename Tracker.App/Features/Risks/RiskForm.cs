using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>What the risk form posts. Property names match <see cref="RiskInput"/> so errors land on their fields.</summary>
public sealed class RiskForm
{
    public int Version { get; set; }
    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Cause { get; set; }
    public string? Impact { get; set; }
    public string[]? Categories { get; set; }
    public string? OwnerGroupId { get; set; }
    public string? GrossLikelihood { get; set; }
    public string? GrossSeverity { get; set; }
    public string? Controls { get; set; }
    public string? NetLikelihood { get; set; }
    public string? NetSeverity { get; set; }
    public string? TargetLikelihood { get; set; }
    public string? TargetSeverity { get; set; }
    public string? ReviewFrequencyMonths { get; set; }
    public string? NextReviewDate { get; set; }
    public string? Status { get; set; }
    public string? ClosingNote { get; set; }
    public string? AssessmentNote { get; set; }

    /// <summary>
    /// The input as posted. Text that is not a value (a likelihood of "abc", a status of "Foo") is put
    /// in <paramref name="typed"/>'s errors, never read as a default; the Domain validator does the rest.
    /// </summary>
    public RiskInput ToInput(TypedText typed)
    {
        int? Score(string? text, string field, string label) => typed.Number(text, field, $"{label} must be a number, like 3");
        return new(
            Reference ?? "", Title ?? "", Cause, Impact, Categories ?? [],
            typed.Number(OwnerGroupId, nameof(OwnerGroupId), "Select the group that owns the risk"),
            Score(GrossLikelihood, nameof(GrossLikelihood), "Gross likelihood"), Score(GrossSeverity, nameof(GrossSeverity), "Gross severity"), Controls,
            Score(NetLikelihood, nameof(NetLikelihood), "Net likelihood"), Score(NetSeverity, nameof(NetSeverity), "Net severity"),
            Score(TargetLikelihood, nameof(TargetLikelihood), "Target likelihood"), Score(TargetSeverity, nameof(TargetSeverity), "Target severity"),
            typed.Number(ReviewFrequencyMonths, nameof(ReviewFrequencyMonths), "Select how often the risk is reviewed") ?? 3, NextReviewDate,
            typed.Choice<RiskStatus>(Status, nameof(Status), "Select whether the risk is open or closed") ?? RiskStatus.Open,
            ClosingNote, AssessmentNote);
    }

    public static RiskForm From(RiskForEdit risk) => new()
    {
        Version = risk.Version,
        Reference = risk.Input.Reference,
        Title = risk.Input.Title,
        Cause = risk.Input.Cause,
        Impact = risk.Input.Impact,
        Categories = risk.Input.Categories.ToArray(),
        OwnerGroupId = risk.Input.OwnerGroupId?.ToString(),
        GrossLikelihood = risk.Input.GrossLikelihood?.ToString(),
        GrossSeverity = risk.Input.GrossSeverity?.ToString(),
        Controls = risk.Input.Controls,
        NetLikelihood = risk.Input.NetLikelihood?.ToString(),
        NetSeverity = risk.Input.NetSeverity?.ToString(),
        TargetLikelihood = risk.Input.TargetLikelihood?.ToString(),
        TargetSeverity = risk.Input.TargetSeverity?.ToString(),
        ReviewFrequencyMonths = risk.Input.ReviewFrequencyMonths?.ToString(),
        NextReviewDate = risk.Input.NextReviewDate,
        Status = risk.Input.Status.ToString(),
        ClosingNote = risk.Input.ClosingNote,
    };
}

/// <summary>What the further action form posts.</summary>
public sealed class FurtherActionForm
{
    public int Version { get; set; }
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public string? Rag { get; set; }
    public string? TargetDate { get; set; }

    /// <summary>The input as posted; a RAG that is not a rating ("Purple") is an error in <paramref name="typed"/>, not "Not rated".</summary>
    public FurtherActionInput ToInput(TypedText typed) =>
        new(Description ?? "", Owner,
            Rag?.Trim().Equals("Not rated", StringComparison.OrdinalIgnoreCase) == true ? null
                : typed.Choice<FurtherActionRag>(Rag, nameof(Rag), "Select Red, Amber, Green or Blue, or Not rated"),
            TargetDate);

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

    public static IReadOnlyList<Components.GovUk.GovUkOption> Likelihood(int size, string empty) => Build(size, Likelihoods, empty);
    public static IReadOnlyList<Components.GovUk.GovUkOption> Severity(int size, string empty) => Build(size, Severities, empty);

    static IReadOnlyList<Components.GovUk.GovUkOption> Build(int size, string[] words, string empty) =>
    [
        new("", empty),
        .. Enumerable.Range(1, size).Select(i => new Components.GovUk.GovUkOption(i.ToString(), size == 5 ? $"{i} – {words[i - 1]}" : i.ToString())),
    ];
}
