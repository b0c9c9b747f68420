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

    static int? Number(string? text) => int.TryParse(text, out var n) ? n : null;

    public RiskInput ToInput() => new(
        Reference ?? "", Title ?? "", Cause, Impact, Categories ?? [], Number(OwnerGroupId),
        Number(GrossLikelihood), Number(GrossSeverity), Controls,
        Number(NetLikelihood), Number(NetSeverity), Number(TargetLikelihood), Number(TargetSeverity),
        Number(ReviewFrequencyMonths) ?? 3, NextReviewDate,
        Enum.TryParse<RiskStatus>(Status, out var status) ? status : RiskStatus.Open, ClosingNote, AssessmentNote);

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

    public FurtherActionInput ToInput() =>
        new(Description ?? "", Owner, Enum.TryParse<FurtherActionRag>(Rag, out var rag) ? rag : null, TargetDate);

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
