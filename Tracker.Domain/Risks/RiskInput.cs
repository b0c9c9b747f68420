using System.Linq.Expressions;
using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Risks;

/// <summary>
/// What a lead, the chair or a CSV import states about a risk. Net and target may be left blank (as
/// in the Risk Log); the review date is text as typed (DD/MM/YYYY). Further actions are edited apart.
/// </summary>
public sealed record RiskInput(
    string Reference,
    string Title,
    string? Cause,
    string? Impact,
    IReadOnlyList<string> Categories,
    int? OwnerGroupId,
    int? GrossLikelihood,
    int? GrossSeverity,
    string? Controls,
    int? NetLikelihood,
    int? NetSeverity,
    int? TargetLikelihood,
    int? TargetSeverity,
    int? ReviewFrequencyMonths,
    string? NextReviewDate,
    RiskStatus Status,
    string? ClosingNote,
    string? AssessmentNote = null)
{
    public RiskScore? Gross => RiskScore.From(GrossLikelihood, GrossSeverity);
    public RiskScore? Net => RiskScore.From(NetLikelihood, NetSeverity);
    public RiskScore? Target => RiskScore.From(TargetLikelihood, TargetSeverity);
}

/// <summary>The register's rules for a risk; the matrix size comes from the partnership's settings.</summary>
public sealed class RiskInputValidator : AbstractValidator<RiskInput>
{
    public static readonly IReadOnlyList<int> ReviewFrequencies = [1, 3, 6, 12];

    static readonly System.Collections.Concurrent.ConcurrentDictionary<int, RiskInputValidator> BySize = new();

    /// <summary>The shared validator for a matrix of this size (see <see cref="ValidationExtensions.Check{T}"/>).</summary>
    public static RiskInputValidator For(int matrixSize) => BySize.GetOrAdd(matrixSize, size => new RiskInputValidator(size));

    public RiskInputValidator(int matrixSize = 5)
    {
        RuleFor(r => r.Reference)
            .NotEmpty().WithMessage("Enter the risk reference")
            .Matches("^[A-Za-z]{1,3}[0-9]{1,4}$").WithMessage("Reference must be letters then numbers, like R3");
        RuleFor(r => r.Title)
            .NotEmpty().WithMessage("Enter the risk")
            .MaximumLength(1000).WithMessage("Risk must be 1000 characters or fewer");
        RuleFor(r => r.Cause).MaximumLength(4000).WithMessage("Cause must be 4000 characters or fewer");
        RuleFor(r => r.Impact).MaximumLength(4000).WithMessage("Impact must be 4000 characters or fewer");
        RuleFor(r => r.Controls).MaximumLength(4000).WithMessage("Controls in place must be 4000 characters or fewer");
        RuleFor(r => r.Categories)
            .NotEmpty().WithMessage("Select at least one risk category")
            .Must(c => c.All(code => RiskCategory.Codes.Contains(code.Trim().ToUpperInvariant())))
            .WithMessage($"Risk categories must be from {string.Join(", ", RiskCategory.Codes)}");
        RuleFor(r => r.OwnerGroupId).NotNull().WithMessage("Select the group that owns the risk");

        Score(r => r.GrossLikelihood, "Gross likelihood", matrixSize, required: true);
        Score(r => r.GrossSeverity, "Gross severity", matrixSize, required: true);
        Score(r => r.NetLikelihood, "Net likelihood", matrixSize);
        Score(r => r.NetSeverity, "Net severity", matrixSize);
        Score(r => r.TargetLikelihood, "Target likelihood", matrixSize);
        Score(r => r.TargetSeverity, "Target severity", matrixSize);
        Pair(r => r.NetLikelihood, r => r.NetSeverity, "net");
        Pair(r => r.TargetLikelihood, r => r.TargetSeverity, "target");

        RuleFor(r => r.NetLikelihood)
            .Must((r, _) => r.Net!.Value.Score <= r.Gross!.Value.Score)
            .When(r => Fits(r.Gross, matrixSize) && Fits(r.Net, matrixSize))
            .WithMessage(r => $"Net risk score ({r.Net!.Value.Score}) cannot be higher than gross risk score ({r.Gross!.Value.Score})");
        RuleFor(r => r.TargetLikelihood)
            .Must((r, _) => r.Target!.Value.Score <= r.Net!.Value.Score)
            .When(r => Fits(r.Net, matrixSize) && Fits(r.Target, matrixSize))
            .WithMessage(r => $"Target risk score ({r.Target!.Value.Score}) cannot be higher than net risk score ({r.Net!.Value.Score})");
        RuleFor(r => r.TargetLikelihood)
            .Must((r, _) => r.Target!.Value.Score <= r.Gross!.Value.Score)
            .When(r => r.Net is null && Fits(r.Gross, matrixSize) && Fits(r.Target, matrixSize))
            .WithMessage(r => $"Target risk score ({r.Target!.Value.Score}) cannot be higher than gross risk score ({r.Gross!.Value.Score})");

        RuleFor(r => r.ReviewFrequencyMonths)
            .Must(f => f is null || ReviewFrequencies.Contains(f.Value))
            .WithMessage("Select how often the risk is reviewed");
        RuleFor(r => r.NextReviewDate).UkDate("Next review date", "31/03/2025");
        RuleFor(r => r.Status).IsInEnum().WithMessage("Select whether the risk is open or closed");
        RuleFor(r => r.ClosingNote)
            .NotEmpty().When(r => r.Status == RiskStatus.Closed).WithMessage("Enter a closing note to close the risk")
            .MaximumLength(2000).WithMessage("Closing note must be 2000 characters or fewer");
        RuleFor(r => r.AssessmentNote).MaximumLength(2000).WithMessage("Note must be 2000 characters or fewer");
        Include(new PlainTextRules<RiskInput>(
            [nameof(RiskInput.Title), nameof(RiskInput.Cause), nameof(RiskInput.Impact), nameof(RiskInput.Controls), nameof(RiskInput.ClosingNote), nameof(RiskInput.AssessmentNote)],
            new Dictionary<string, string>
            {
                [nameof(RiskInput.Title)] = "risk", [nameof(RiskInput.Categories)] = "risk categories",
                [nameof(RiskInput.Controls)] = "controls in place", [nameof(RiskInput.AssessmentNote)] = "note",
            }));
    }

    static bool Fits(RiskScore? score, int size) => score is { } s && s.FitsMatrix(size);

    void Score(Expression<Func<RiskInput, int?>> field, string name, int size, bool required = false)
    {
        if (required) RuleFor(field).NotNull().WithMessage($"Select the {name.ToLowerInvariant()}");
        RuleFor(field)
            .Must(v => v is null || (v >= 1 && v <= size))
            .WithMessage($"{name} must be between 1 and {size}");
    }

    void Pair(Expression<Func<RiskInput, int?>> likelihood, Expression<Func<RiskInput, int?>> severity, string name)
    {
        var l = likelihood.Compile();
        var s = severity.Compile();
        RuleFor(severity).NotNull().When(r => l(r) is not null)
            .WithMessage($"Select the {name} severity, or leave {name} likelihood and severity both blank");
        RuleFor(likelihood).NotNull().When(r => s(r) is not null)
            .WithMessage($"Select the {name} likelihood, or leave {name} likelihood and severity both blank");
    }
}
