using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Strategy;

/// <summary>
/// What a lead submits for an action and quarter. <see cref="PreviousRag"/> is the rating of the
/// last earlier update (null when none), so a change of RAG can require a narrative.
/// </summary>
public sealed record QuarterlyUpdateInput(RagStatus? Rag, string? Narrative, string? EvidenceLink, RagStatus? PreviousRag = null);

public sealed class QuarterlyUpdateInputValidator : AbstractValidator<QuarterlyUpdateInput>
{
    public const int NarrativeMaxLength = 10000;
    public const int EvidenceLinkMaxLength = 500;

    public QuarterlyUpdateInputValidator()
    {
        RuleFor(u => u.Rag).NotNull().WithMessage("Select a RAG status")
            .IsInEnum().WithMessage("Select a RAG status");
        RuleFor(u => u.PreviousRag).IsInEnum().WithMessage("Select a RAG status");
        Include(new PlainTextRules<QuarterlyUpdateInput>([nameof(QuarterlyUpdateInput.Narrative)]));
        RuleFor(u => u.Narrative)
            .NotEmpty().WithMessage(u => $"Enter a narrative explaining why the action is {u.Rag}")
            .When(u => u.Rag is RagStatus.Red or RagStatus.Amber);
        RuleFor(u => u.Narrative)
            .NotEmpty().WithMessage(u => $"Enter a narrative explaining the change from {u.PreviousRag} to {u.Rag}")
            .When(u => u.Rag is not (null or RagStatus.Red or RagStatus.Amber) && u.PreviousRag is not null && u.PreviousRag != u.Rag);
        RuleFor(u => u.Narrative)
            .MaximumLength(NarrativeMaxLength).WithMessage($"Narrative must be {NarrativeMaxLength:N0} characters or fewer");
        RuleFor(u => u.EvidenceLink)
            .MaximumLength(EvidenceLinkMaxLength).WithMessage($"Evidence link must be {EvidenceLinkMaxLength} characters or fewer")
            .Must(BeWebAddress!).WithMessage("Enter the evidence link as a full web address, like https://www.bromley.gov.uk/report")
            .When(u => !string.IsNullOrWhiteSpace(u.EvidenceLink));
    }

    static bool BeWebAddress(string link) =>
        Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>An administrator's reason for changing a quarter the chair has locked.</summary>
public sealed class LockedQuarterReasonValidator : AbstractValidator<string?>
{
    public LockedQuarterReasonValidator()
    {
        RuleFor(r => r).NotEmpty().WithName("Reason").WithMessage("Enter the reason for changing a locked quarter")
            .MaximumLength(500).WithMessage("Reason must be 500 characters or fewer")
            .Must(r => !InputRules.HasControlCharacters(r, multiline: true)).WithMessage("Remove the control characters from the reason");
    }
}

/// <summary>An override of a roll-up or of a metric's suggested RAG.</summary>
public sealed record RagOverrideInput(RagStatus? Rag, string? Reason);

public sealed class RagOverrideInputValidator : AbstractValidator<RagOverrideInput>
{
    public RagOverrideInputValidator()
    {
        RuleFor(o => o.Rag).IsInEnum().WithMessage("Select a RAG status");
        Include(new PlainTextRules<RagOverrideInput>([nameof(RagOverrideInput.Reason)]));
        RuleFor(o => o.Reason)
            .NotEmpty().WithMessage("Enter the reason for overriding the RAG status")
            .MaximumLength(500).WithMessage("Reason must be 500 characters or fewer")
            .When(o => o.Rag is not null);
    }
}
