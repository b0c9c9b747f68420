using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Risks;

/// <summary>RAG of a further action; the word is always shown with the colour.</summary>
public enum FurtherActionRag
{
    Red,
    Amber,
    Green,
    Blue,
}

public static class FurtherActionRags
{
    public static string Label(this FurtherActionRag? rag) => rag?.ToString() ?? "Not rated";

    public static string TagColour(this FurtherActionRag? rag) => rag switch
    {
        FurtherActionRag.Red => "govuk-tag--red",
        FurtherActionRag.Amber => "govuk-tag--orange",
        FurtherActionRag.Green => "govuk-tag--green",
        FurtherActionRag.Blue => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    public static bool TryParse(string? text, out FurtherActionRag? rag)
    {
        rag = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("Not rated", StringComparison.OrdinalIgnoreCase)) return true;
        var t = text.Trim();
        foreach (var value in Enum.GetValues<FurtherActionRag>())
        {
            if (t.Equals(value.ToString(), StringComparison.OrdinalIgnoreCase) || t.Equals(value.ToString()[..1], StringComparison.OrdinalIgnoreCase))
            {
                rag = value;
                return true;
            }
        }
        return false;
    }
}

/// <summary>A further mitigation or control the partnership still needs, with its owner and RAG.</summary>
public sealed class FurtherAction : Entity
{
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    public int Order { get; set; }
    public required string Description { get; set; }
    /// <summary>Initials ("AM/RV"), a name, or "All partners", as the Risk Log writes owners.</summary>
    public string Owner { get; set; } = "";
    public FurtherActionRag? Rag { get; set; }
    public DateOnly? TargetDate { get; set; }

    public void Update(FurtherActionInput input)
    {
        Description = input.Description.Trim();
        Owner = input.Owner?.Trim() ?? "";
        Rag = input.Rag;
        TargetDate = UkDates.TryParseShort(input.TargetDate, out var date) ? date : null;
    }
}

/// <summary>What a lead types for a further action. The date is text as typed (DD/MM/YYYY).</summary>
public sealed record FurtherActionInput(string Description, string? Owner, FurtherActionRag? Rag, string? TargetDate);

public sealed class FurtherActionInputValidator : AbstractValidator<FurtherActionInput>
{
    /// <summary>The one instance the app shares (see <see cref="ValidationExtensions.Check{T}"/>).</summary>
    public static readonly FurtherActionInputValidator Shared = new();

    public FurtherActionInputValidator()
    {
        RuleFor(a => a.Description)
            .NotEmpty().WithMessage("Enter the further action")
            .MaximumLength(2000).WithMessage("Further action must be 2000 characters or fewer");
        RuleFor(a => a.Owner).MaximumLength(100).WithMessage("Owner must be 100 characters or fewer");
        RuleFor(a => a.TargetDate).UkDate("Target completion date", "31/03/2025");
        RuleFor(a => a.Rag).IsInEnum().WithMessage("Select Red, Amber, Green or Blue, or Not rated");
        Include(new PlainTextRules<FurtherActionInput>([nameof(FurtherActionInput.Description)],
            new Dictionary<string, string> { [nameof(FurtherActionInput.Description)] = "further action" }));
    }
}
