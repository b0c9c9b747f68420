using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Meetings;

/// <summary>What the clerk types to schedule a meeting.</summary>
public sealed record MeetingInput(int GroupId, string? Date, string? StartTime, string? Venue, string? PapersDeadline, bool RestartNumbering, int? RestartAt)
    : IMeetingWhenWhere;

/// <summary>When and where a meeting is, as typed: shared by scheduling and rescheduling.</summary>
public interface IMeetingWhenWhere
{
    string? Date { get; }
    string? StartTime { get; }
    string? Venue { get; }
}

public sealed class MeetingWhenWhereValidator : AbstractValidator<IMeetingWhenWhere>
{
    public MeetingWhenWhereValidator()
    {
        RuleFor(m => m.Date)
            .NotEmpty().WithMessage("Enter the date of the meeting")
            .When(m => !string.IsNullOrWhiteSpace(m.Date), ApplyConditionTo.CurrentValidator);
        RuleFor(m => m.Date).UkDate("Date of the meeting", "20/06/2019");
        RuleFor(m => m.StartTime)
            .Must(t => TimeOnly.TryParse(t, Common.UkDates.Culture, out _)).WithMessage("Start time must be a time, like 10:00")
            .When(m => !string.IsNullOrWhiteSpace(m.StartTime));
        RuleFor(m => m.Venue)
            .NotEmpty().WithMessage("Enter the venue")
            .MaximumLength(200).WithMessage("Venue must be 200 characters or fewer");
    }
}

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator()
    {
        RuleFor(m => m.GroupId).GreaterThan(0).WithMessage("Select the group that is meeting");
        Include(new MeetingWhenWhereValidator());
        RuleFor(m => m.PapersDeadline).UkDate("Papers deadline", "13/06/2019");
        Include(new PlainTextRules<MeetingInput>());
        RuleFor(m => m.RestartAt)
            .NotNull().WithMessage("Enter the number the minutes restart at")
            .GreaterThan(0).WithMessage("The number the minutes restart at must be 1 or more")
            .When(m => m.RestartNumbering);
    }
}

/// <summary>
/// What the clerk types to record a minute item, with an optional first resolution; once the minutes
/// are agreed an item added is a correction and needs a reason (<see cref="CorrectionReason"/>).
/// </summary>
public sealed record MinuteItemInput(string? Number, string? Title, string? Text, string? Resolution, string? Owners, bool NeedsAction, string? Reason = null);

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
        Include(new PlainTextRules<MinuteItemInput>([nameof(MinuteItemInput.Text), nameof(MinuteItemInput.Resolution), nameof(MinuteItemInput.Reason)],
            new Dictionary<string, string> { [nameof(MinuteItemInput.Text)] = "minute text" }));
    }
}

/// <summary>A further resolution on an existing minute item; once the minutes are agreed it needs a reason.</summary>
public sealed record ResolutionInput(string? Text, string? Owners, bool NeedsAction, string? Reason = null);

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
        Include(new PlainTextRules<ResolutionInput>([nameof(ResolutionInput.Text), nameof(ResolutionInput.Reason)], new Dictionary<string, string> { [nameof(ResolutionInput.Text)] = "resolution" }));
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
        Include(new PlainTextRules<MatterUpdateInput>([nameof(MatterUpdateInput.Text)], new Dictionary<string, string> { [nameof(MatterUpdateInput.Text)] = "update" }));
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
        Include(new PlainTextRules<CloseMatterInput>([nameof(CloseMatterInput.Note)], new Dictionary<string, string> { [nameof(CloseMatterInput.Note)] = "closing note" }));
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
        Include(new PlainTextRules<SubGroupReportInput>(
            [nameof(SubGroupReportInput.OperationalUpdate), nameof(SubGroupReportInput.StrategicGroupUpdate), nameof(SubGroupReportInput.ActionPlanUpdate), nameof(SubGroupReportInput.ActionForPartnership)],
            new Dictionary<string, string> { [nameof(SubGroupReportInput.ActionForPartnership)] = "action for the partnership" }));
    }
}

/// <summary>What the clerk types to change a scheduled meeting's date, time, venue, papers deadline and the agenda's publication date.</summary>
public sealed record MeetingDetailsInput(string? Date, string? StartTime, string? Venue, string? PapersDeadline, string? AgendaPublished = null) : IMeetingWhenWhere;

public sealed class MeetingDetailsInputValidator : AbstractValidator<MeetingDetailsInput>
{
    public MeetingDetailsInputValidator()
    {
        Include(new MeetingWhenWhereValidator());
        RuleFor(m => m.PapersDeadline)
            .NotEmpty().WithMessage("Enter the papers deadline");
        RuleFor(m => m.PapersDeadline).UkDate("Papers deadline", "13/06/2019");
        Include(new PlainTextRules<MeetingDetailsInput>());
        RuleFor(m => m.PapersDeadline)
            .Must((m, d) => !Common.UkDates.TryParseShort(m.Date, out var date) || !Common.UkDates.TryParseShort(d, out var deadline) || deadline <= date)
            .WithMessage("Papers deadline must be on or before the date of the meeting");
        RuleFor(m => m.AgendaPublished).UkDate("Agenda published", "24/11/2026");
        RuleFor(m => m.AgendaPublished)
            .Must((m, d) => !Common.UkDates.TryParseShort(m.Date, out var date) || !Common.UkDates.TryParseShort(d, out var published) || published <= date)
            .WithMessage("Agenda published must be on or before the date of the meeting");
    }
}

/// <summary>One agenda item as the clerk types it.</summary>
public sealed record AgendaItemInput(string? Number, string? Title, string? Presenter, string? PaperLink, AgendaItemKind? Kind);

public sealed class AgendaItemInputValidator : AbstractValidator<AgendaItemInput>
{
    public AgendaItemInputValidator()
    {
        RuleFor(a => a.Number)
            .NotEmpty().WithMessage("Enter the item number, like 7 or 7a")
            .MaximumLength(10).WithMessage("Item number must be 10 characters or fewer");
        RuleFor(a => a.Title)
            .NotEmpty().WithMessage("Enter the title of the agenda item")
            .MaximumLength(300).WithMessage("Title must be 300 characters or fewer");
        RuleFor(a => a.Presenter).MaximumLength(200).WithMessage("Presenter must be 200 characters or fewer");
        RuleFor(a => a.PaperLink)
            .MaximumLength(500).WithMessage("Link to the paper must be 500 characters or fewer")
            // Papers live in the tracker or on the web; anything else would not open from the pack.
            .Must(l => l!.StartsWith('/') || l.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .WithMessage("Link to the paper must start with / (a page of the tracker) or https://")
            .When(a => !string.IsNullOrWhiteSpace(a.PaperLink));
        RuleFor(a => a.Kind).NotNull().WithMessage("Select whether the item is business or a presentation")
            .IsInEnum().WithMessage("Select whether the item is business or a presentation");
        Include(new PlainTextRules<AgendaItemInput>(labels: new Dictionary<string, string> { [nameof(AgendaItemInput.PaperLink)] = "link to the paper" }));
    }
}

/// <summary>One line of attendance: who, how they attended, and whom they substituted for.</summary>
public sealed record AttendanceInput(AttendanceKind? Kind, int? PersonId, int? SubstituteForId);

public sealed class AttendanceInputValidator : AbstractValidator<AttendanceInput>
{
    public AttendanceInputValidator()
    {
        RuleFor(a => a.PersonId).NotNull().WithMessage("Select the person");
        RuleFor(a => a.Kind).NotNull().WithMessage("Select whether they were present, also present or sent apologies")
            .IsInEnum().WithMessage("Select whether they were present, also present or sent apologies");
        RuleFor(a => a.SubstituteForId)
            .Null().WithMessage("Someone who sent apologies cannot attend as a substitute")
            .When(a => a.Kind == AttendanceKind.Apologies);
        RuleFor(a => a.SubstituteForId)
            .NotEqual(a => a.PersonId).WithMessage("Select someone other than the person attending as the one they substituted for")
            .When(a => a.SubstituteForId is not null && a.PersonId is not null);
    }
}

/// <summary>A correction of a minute item's title and text; the reason is needed once the minutes are agreed.</summary>
public sealed record MinuteItemChangeInput(string? Title, string? Text, string? Reason);

/// <summary>A correction of a resolution's wording and owners; the reason is needed once the minutes are agreed.</summary>
public sealed record ResolutionChangeInput(string? Text, string? Owners, string? Reason);

/// <summary>The reason a change to agreed minutes needs, with the same wording everywhere.</summary>
public static class CorrectionReason
{
    public const string Missing = "Enter why the agreed minutes are being corrected";
    public const string TooLong = "Reason must be 1,000 characters or fewer";

    public static IEnumerable<FieldError> Check(string? reason, bool minutesAgreed)
    {
        if (minutesAgreed && string.IsNullOrWhiteSpace(reason)) yield return new FieldError("Reason", Missing);
        else if (reason?.Length > 1000) yield return new FieldError("Reason", TooLong);
    }
}

public sealed class MinuteItemChangeInputValidator : AbstractValidator<MinuteItemChangeInput>
{
    public MinuteItemChangeInputValidator()
    {
        RuleFor(m => m.Title)
            .NotEmpty().WithMessage("Enter the title of the minute item")
            .MaximumLength(300).WithMessage("Title must be 300 characters or fewer");
        RuleFor(m => m.Text).MaximumLength(20000).WithMessage("Minute text must be 20,000 characters or fewer");
        Include(new PlainTextRules<MinuteItemChangeInput>([nameof(MinuteItemChangeInput.Text), nameof(MinuteItemChangeInput.Reason)],
            new Dictionary<string, string> { [nameof(MinuteItemChangeInput.Text)] = "minute text" }));
    }
}

public sealed class ResolutionChangeInputValidator : AbstractValidator<ResolutionChangeInput>
{
    public ResolutionChangeInputValidator()
    {
        RuleFor(r => r.Text)
            .NotEmpty().WithMessage("Enter what was resolved")
            .MaximumLength(4000).WithMessage("Resolution must be 4,000 characters or fewer");
        Include(new PlainTextRules<ResolutionChangeInput>([nameof(ResolutionChangeInput.Text), nameof(ResolutionChangeInput.Reason)],
            new Dictionary<string, string> { [nameof(ResolutionChangeInput.Text)] = "resolution" }));
    }
}

/// <summary>The record that minutes were agreed as a correct record: at which later meeting, which minute of it, with what corrections.</summary>
public sealed record MinutesAgreedInput(int? AgreedAtMeetingId, string? Minute, string? Corrections);

public sealed class MinutesAgreedInputValidator : AbstractValidator<MinutesAgreedInput>
{
    public MinutesAgreedInputValidator()
    {
        RuleFor(a => a.AgreedAtMeetingId).NotNull().WithMessage("Select the meeting at which the minutes were agreed");
        RuleFor(a => a.Minute)
            .Must(n => MinuteNumber.TryParse(n, out _)).WithMessage("Enter a minute number like 102 or 68a")
            .When(a => !string.IsNullOrWhiteSpace(a.Minute));
        RuleFor(a => a.Corrections).MaximumLength(4000).WithMessage("Corrections must be 4,000 characters or fewer");
        Include(new PlainTextRules<MinutesAgreedInput>([nameof(MinutesAgreedInput.Corrections)]));
    }
}
