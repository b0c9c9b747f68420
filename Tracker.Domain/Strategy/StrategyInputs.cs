using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Strategy;

public sealed record StrategyInput(string Title, int? StartYear, int? EndYear);

public sealed class StrategyInputValidator : AbstractValidator<StrategyInput>
{
    public StrategyInputValidator()
    {
        Include(new PlainTextRules<StrategyInput>());
        RuleFor(s => s.Title).NotEmpty().WithMessage("Enter the strategy title")
            .MaximumLength(200).WithMessage("Title must be 200 characters or fewer");
        RuleFor(s => s.StartYear).NotNull().WithMessage("Enter the first financial year, like 2020")
            .InclusiveBetween(2000, 2100).WithMessage("First year must be between 2000 and 2100");
        RuleFor(s => s.EndYear).NotNull().WithMessage("Enter the last financial year, like 2022")
            .InclusiveBetween(2000, 2100).WithMessage("Last year must be between 2000 and 2100");
        RuleFor(s => s.EndYear).GreaterThanOrEqualTo(s => s.StartYear).WithMessage("Last year must be the same as or after the first year")
            .When(s => s.StartYear is not null && s.EndYear is not null);
    }
}

public sealed record PriorityInput(int? Number, string Title, string? Description, int? LeadPartnerId);

public sealed class PriorityInputValidator : AbstractValidator<PriorityInput>
{
    public PriorityInputValidator()
    {
        Include(new PlainTextRules<PriorityInput>([nameof(PriorityInput.Description)]));
        RuleFor(p => p.Number).NotNull().WithMessage("Enter the priority number")
            .InclusiveBetween(1, 99).WithMessage("Priority number must be between 1 and 99");
        RuleFor(p => p.Title).NotEmpty().WithMessage("Enter the priority title")
            .MaximumLength(200).WithMessage("Title must be 200 characters or fewer");
        RuleFor(p => p.Description).MaximumLength(5000).WithMessage("Description must be 5,000 characters or fewer");
    }
}

public sealed record ObjectiveInput(int? Number, string Title, string? Description, int? SubPriorityId);

public sealed class ObjectiveInputValidator : AbstractValidator<ObjectiveInput>
{
    public ObjectiveInputValidator()
    {
        Include(new PlainTextRules<ObjectiveInput>([nameof(ObjectiveInput.Description)], new Dictionary<string, string> { [nameof(ObjectiveInput.Title)] = "objective" }));
        RuleFor(o => o.Number).NotNull().WithMessage("Enter the objective number")
            .InclusiveBetween(1, 99).WithMessage("Objective number must be between 1 and 99");
        RuleFor(o => o.Title).NotEmpty().WithMessage("Enter the objective")
            .MaximumLength(300).WithMessage("Objective must be 300 characters or fewer");
        RuleFor(o => o.Description).MaximumLength(5000).WithMessage("Description must be 5,000 characters or fewer");
    }
}

public sealed record ActionInput(
    string Number, string Description, IReadOnlyList<int> OwnerIds, int? OwningGroupId, int? LeadPartnerId,
    DateOnly? StartDate, DateOnly? TargetDate, ActionStatus Status);

public sealed class ActionInputValidator : AbstractValidator<ActionInput>
{
    public ActionInputValidator()
    {
        RuleFor(a => a.Number).NotEmpty().WithMessage("Enter the action number, like 1.2")
            .Matches(@"^\d{1,2}(\.\d{1,2}){0,2}$").WithMessage("Action number must be numbers separated by full stops, like 1.2");
        RuleFor(a => a.Description).NotEmpty().WithMessage("Enter the action")
            .MaximumLength(2000).WithMessage("Action must be 2,000 characters or fewer");
        RuleFor(a => a.OwnerIds).NotEmpty().WithMessage("Select at least one owner");
        RuleFor(a => a.TargetDate).GreaterThanOrEqualTo(a => a.StartDate).WithMessage("Target date must be the same as or after the start date")
            .When(a => a.StartDate is not null && a.TargetDate is not null);
        RuleFor(a => a.StartDate).InRange("Start date");
        RuleFor(a => a.TargetDate).InRange("Target date");
        RuleFor(a => a.Status).IsInEnum().WithMessage("Select the action's status");
        Include(new PlainTextRules<ActionInput>([nameof(ActionInput.Description)], new Dictionary<string, string> { [nameof(ActionInput.Description)] = "action" }));
    }
}

public sealed record SubPriorityInput(int? Number, string Title);

public sealed class SubPriorityInputValidator : AbstractValidator<SubPriorityInput>
{
    public SubPriorityInputValidator()
    {
        Include(new PlainTextRules<SubPriorityInput>());
        RuleFor(s => s.Number).NotNull().WithMessage("Enter the sub-priority number")
            .InclusiveBetween(1, 99).WithMessage("Sub-priority number must be between 1 and 99");
        RuleFor(s => s.Title).NotEmpty().WithMessage("Enter the sub-priority title")
            .MaximumLength(200).WithMessage("Title must be 200 characters or fewer");
    }
}

/// <summary>Thresholds are the worsening, in percentage points, above which the suggestion turns Amber and then Red.</summary>
public sealed record MetricInput(string Name, int? PriorityId, bool? LowerIsBetter, decimal? AmberAbovePercent, decimal? RedAbovePercent);

public sealed class MetricInputValidator : AbstractValidator<MetricInput>
{
    public MetricInputValidator()
    {
        Include(new PlainTextRules<MetricInput>());
        RuleFor(m => m.Name).NotEmpty().WithMessage("Enter the metric name")
            .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        RuleFor(m => m.LowerIsBetter).NotNull().WithMessage("Select whether a lower or a higher number is better");
        RuleFor(m => m.AmberAbovePercent).NotNull().WithMessage("Enter the Amber threshold, like 0")
            .InclusiveBetween(-1000m, 1000m).WithMessage("Amber threshold must be between -1000 and 1000");
        RuleFor(m => m.RedAbovePercent).NotNull().WithMessage("Enter the Red threshold, like 25")
            .InclusiveBetween(-1000m, 1000m).WithMessage("Red threshold must be between -1000 and 1000");
        RuleFor(m => m.RedAbovePercent).GreaterThanOrEqualTo(m => m.AmberAbovePercent)
            .WithMessage("Red threshold must be the same as or more than the Amber threshold")
            .When(m => m.AmberAbovePercent is not null && m.RedAbovePercent is not null);
    }
}

/// <summary>A period's figures: the rolling 12-month count and the previous rolling year's, for a financial quarter.</summary>
public sealed record MetricValueInput(int? Year, int? Quarter, string PeriodLabel, int? Count, int? PreviousCount);

public sealed class MetricValueInputValidator : AbstractValidator<MetricValueInput>
{
    public MetricValueInputValidator()
    {
        Include(new PlainTextRules<MetricValueInput>(labels: new Dictionary<string, string> { [nameof(MetricValueInput.PeriodLabel)] = "period" }));
        RuleFor(v => v.Year).NotNull().WithMessage("Enter the financial year, like 2020")
            .InclusiveBetween(2000, 2100).WithMessage("Financial year must be between 2000 and 2100");
        RuleFor(v => v.Quarter).NotNull().WithMessage("Select the quarter")
            .InclusiveBetween(1, 4).WithMessage("Select the quarter");
        RuleFor(v => v.PeriodLabel).NotEmpty().WithMessage("Enter the period, like Rolling Year Jan 21")
            .MaximumLength(100).WithMessage("Period must be 100 characters or fewer");
        RuleFor(v => v.Count).NotNull().WithMessage("Enter the rolling 12-month count")
            .GreaterThanOrEqualTo(0).WithMessage("Rolling 12-month count must be a whole number, 0 or more");
        RuleFor(v => v.PreviousCount).NotNull().WithMessage("Enter the previous rolling year's count")
            .GreaterThanOrEqualTo(0).WithMessage("Previous rolling year's count must be a whole number, 0 or more");
    }
}
