using FluentValidation;

namespace Tracker.Domain.Meetings;

/// <summary>What the clerk types to schedule a meeting.</summary>
public sealed record MeetingInput(int GroupId, string? Date, string? StartTime, string? Venue, string? PapersDeadline, bool RestartNumbering, int? RestartAt);

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator()
    {
        RuleFor(m => m.GroupId).GreaterThan(0).WithMessage("Select the group that is meeting");
        RuleFor(m => m.Date)
            .NotEmpty().WithMessage("Enter the date of the meeting")
            .Must(d => Common.UkDates.TryParseShort(d, out _)).WithMessage("Date of the meeting must be a real date, like 20/06/2019")
            .When(m => !string.IsNullOrWhiteSpace(m.Date), ApplyConditionTo.CurrentValidator);
        RuleFor(m => m.StartTime)
            .Must(t => TimeOnly.TryParse(t, Common.UkDates.Culture, out _)).WithMessage("Start time must be a time, like 10:00")
            .When(m => !string.IsNullOrWhiteSpace(m.StartTime));
        RuleFor(m => m.Venue)
            .NotEmpty().WithMessage("Enter the venue")
            .MaximumLength(200).WithMessage("Venue must be 200 characters or fewer");
        RuleFor(m => m.PapersDeadline)
            .Must(d => Common.UkDates.TryParseShort(d, out _)).WithMessage("Papers deadline must be a real date, like 13/06/2019")
            .When(m => !string.IsNullOrWhiteSpace(m.PapersDeadline));
        RuleFor(m => m.RestartAt)
            .NotNull().WithMessage("Enter the number the minutes restart at")
            .GreaterThan(0).WithMessage("The number the minutes restart at must be 1 or more")
            .When(m => m.RestartNumbering);
    }
}

/// <summary>What the clerk types to record a minute item, with an optional first resolution.</summary>
public sealed record MinuteItemInput(string? Number, string? Title, string? Text, string? Resolution, string? Owners, bool NeedsAction);

public sealed class MinuteItemInputValidator : AbstractValidator<MinuteItemInput>
{
    public MinuteItemInputValidator()
    {
        RuleFor(m => m.Number)
            .NotEmpty().WithMessage("Enter the minute number")
            .Must(n => MinuteNumber.TryParse(n, out _)).WithMessage("Enter a minute number like 76 or 68a")
            .When(m => !string.IsNullOrWhiteSpace(m.Number), ApplyConditionTo.CurrentValidator);
        RuleFor(m => m.Title)
            .NotEmpty().WithMessage("Enter the title of the minute item")
            .MaximumLength(300).WithMessage("Title must be 300 characters or fewer");
        RuleFor(m => m.Text).MaximumLength(20000).WithMessage("Minute text must be 20,000 characters or fewer");
        RuleFor(m => m.Resolution)
            .NotEmpty().WithMessage("Enter what was resolved, or untick that it needs action")
            .When(m => m.NeedsAction);
        RuleFor(m => m.Resolution).MaximumLength(4000).WithMessage("Resolution must be 4,000 characters or fewer");
        RuleFor(m => m.Owners)
            .NotEmpty().WithMessage("Enter who owns the action, for example AM/RV, SBP or All Partners")
            .When(m => m.NeedsAction);
    }
}

/// <summary>A further resolution on an existing minute item.</summary>
public sealed record ResolutionInput(string? Text, string? Owners, bool NeedsAction);

public sealed class ResolutionInputValidator : AbstractValidator<ResolutionInput>
{
    public ResolutionInputValidator()
    {
        RuleFor(r => r.Text)
            .NotEmpty().WithMessage("Enter what was resolved")
            .MaximumLength(4000).WithMessage("Resolution must be 4,000 characters or fewer");
        RuleFor(r => r.Owners)
            .NotEmpty().WithMessage("Enter who owns the action, for example AM/RV, SBP or All Partners")
            .When(r => r.NeedsAction);
    }
}

public sealed record MatterUpdateInput(string? Text);

public sealed class MatterUpdateInputValidator : AbstractValidator<MatterUpdateInput>
{
    public MatterUpdateInputValidator()
    {
        RuleFor(u => u.Text)
            .NotEmpty().WithMessage("Enter the update")
            .MaximumLength(4000).WithMessage("Update must be 4,000 characters or fewer");
    }
}

public sealed record CloseMatterInput(string? Note);

public sealed class CloseMatterInputValidator : AbstractValidator<CloseMatterInput>
{
    public CloseMatterInputValidator()
    {
        RuleFor(c => c.Note)
            .NotEmpty().WithMessage("Enter why the matter is closed")
            .MaximumLength(2000).WithMessage("Closing note must be 2,000 characters or fewer");
    }
}

/// <summary>The four sections of the standard sub-group report template.</summary>
public sealed record SubGroupReportInput(string? OperationalUpdate, string? StrategicGroupUpdate, string? ActionPlanUpdate, string? ActionForPartnership);

public sealed class SubGroupReportInputValidator : AbstractValidator<SubGroupReportInput>
{
    public SubGroupReportInputValidator()
    {
        RuleFor(r => r.OperationalUpdate)
            .NotEmpty().WithMessage("Enter the operational update")
            .MaximumLength(20000).WithMessage("Operational update must be 20,000 characters or fewer");
        RuleFor(r => r.StrategicGroupUpdate).MaximumLength(20000).WithMessage("Strategic Group update must be 20,000 characters or fewer");
        RuleFor(r => r.ActionPlanUpdate).MaximumLength(20000).WithMessage("Action plan update must be 20,000 characters or fewer");
        RuleFor(r => r.ActionForPartnership).MaximumLength(20000).WithMessage("Action for the partnership must be 20,000 characters or fewer");
    }
}
