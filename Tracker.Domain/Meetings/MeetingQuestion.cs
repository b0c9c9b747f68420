using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Meetings;

public enum QuestionFrom
{
    Councillor,
    Public,
}

public enum QuestionStatus
{
    /// <summary>Received, not yet answered.</summary>
    Received,
    Answered,
    Withdrawn,
}

public static class QuestionText
{
    public static string Text(this QuestionFrom from) => from == QuestionFrom.Councillor ? "Councillor" : "Member of the public";

    public static string Text(this QuestionStatus status) => status switch
    {
        QuestionStatus.Answered => "Answered",
        QuestionStatus.Withdrawn => "Withdrawn",
        _ => "Awaiting an answer",
    };
}

/// <summary>
/// A question from a councillor or a member of the public to a meeting: who asked, what, when it was
/// received (London time), whether it is on a report on the agenda (which has the later deadline),
/// and the answer. Whether it was late is worked out from the meeting's question deadlines.
/// </summary>
public sealed class MeetingQuestion : Entity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public required string AskedBy { get; set; }
    public QuestionFrom From { get; set; }
    public required string Text { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public TimeOnly ReceivedTime { get; set; }
    public bool OnAgendaReport { get; set; }
    /// <summary>Which report on the agenda it is about, as the clerk names it ("7 MOPAC update").</summary>
    public string AgendaReport { get; set; } = "";
    public string Answer { get; set; } = "";
    public QuestionStatus Status { get; set; }

    public DateTime ReceivedAt => ReceivedOn.ToDateTime(ReceivedTime);

    public static MeetingQuestion Record(Meeting meeting, QuestionValues v)
    {
        var q = new MeetingQuestion { Meeting = meeting, MeetingId = meeting.Id, AskedBy = "", Text = "" };
        q.Change(v);
        return q;
    }

    public void Change(QuestionValues v)
    {
        AskedBy = v.AskedBy.Trim();
        From = v.From;
        Text = v.Text.Trim();
        ReceivedOn = v.ReceivedOn;
        ReceivedTime = v.ReceivedTime;
        OnAgendaReport = v.OnAgendaReport;
        AgendaReport = v.OnAgendaReport ? v.AgendaReport?.Trim() ?? "" : "";
        Answer = v.Answer?.Trim() ?? "";
        Status = v.Status;
    }

    /// <summary>Late against the deadline that applies to it: the agenda report deadline if it is on one and the agenda is published, else the general one.</summary>
    public bool IsLate(QuestionDeadlines deadlines) => deadlines.IsLate(ReceivedAt, OnAgendaReport);
}

/// <summary>A question's values once parsed.</summary>
public sealed record QuestionValues(string AskedBy, QuestionFrom From, string Text, DateOnly ReceivedOn, TimeOnly ReceivedTime,
    bool OnAgendaReport, string? AgendaReport, string? Answer, QuestionStatus Status);

/// <summary>A question as the clerk types it.</summary>
public sealed record QuestionInput(string? AskedBy, QuestionFrom? From, string? Text, string? ReceivedOn, string? ReceivedTime,
    bool OnAgendaReport, string? AgendaReport, string? Answer, QuestionStatus? Status)
{
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm"], UkDates.Culture, System.Globalization.DateTimeStyles.None, out time);

    /// <summary>The parsed values; call only once the input is valid.</summary>
    public QuestionValues ToValues()
    {
        UkDates.TryParseShort(ReceivedOn, out var on);
        TryParseTime(ReceivedTime, out var at);
        return new(AskedBy!, From!.Value, Text!, on, at, OnAgendaReport, AgendaReport, Answer, Status ?? QuestionStatus.Received);
    }
}

public sealed class QuestionInputValidator : AbstractValidator<QuestionInput>
{
    public QuestionInputValidator()
    {
        RuleFor(q => q.AskedBy)
            .NotEmpty().WithMessage("Enter who asked the question")
            .MaximumLength(200).WithMessage("Who asked must be 200 characters or fewer");
        RuleFor(q => q.From).NotNull().WithMessage("Select whether a councillor or a member of the public asked")
            .IsInEnum().WithMessage("Select whether a councillor or a member of the public asked");
        RuleFor(q => q.Text)
            .NotEmpty().WithMessage("Enter the question")
            .MaximumLength(4000).WithMessage("Question must be 4,000 characters or fewer");
        RuleFor(q => q.ReceivedOn)
            .NotEmpty().WithMessage("Enter the date the question was received");
        RuleFor(q => q.ReceivedOn).UkDate("Date received", "02/12/2026");
        RuleFor(q => q.ReceivedTime)
            .NotEmpty().WithMessage("Enter the time the question was received, like 16:30")
            .Must(t => QuestionInput.TryParseTime(t, out _)).WithMessage("Time received must be a time, like 16:30")
            .When(q => !string.IsNullOrWhiteSpace(q.ReceivedTime), ApplyConditionTo.CurrentValidator);
        RuleFor(q => q.AgendaReport)
            .NotEmpty().WithMessage("Enter which report on the agenda the question is about")
            .When(q => q.OnAgendaReport);
        RuleFor(q => q.AgendaReport).MaximumLength(300).WithMessage("Report must be 300 characters or fewer");
        RuleFor(q => q.Status).IsInEnum().WithMessage("Select the question's status");
        RuleFor(q => q.Answer)
            .NotEmpty().WithMessage("Enter the answer, or choose another status")
            .When(q => q.Status == QuestionStatus.Answered);
        RuleFor(q => q.Answer).MaximumLength(4000).WithMessage("Answer must be 4,000 characters or fewer");
        Include(new PlainTextRules<QuestionInput>([nameof(QuestionInput.Text), nameof(QuestionInput.Answer)],
            new Dictionary<string, string> { [nameof(QuestionInput.Text)] = "question", [nameof(QuestionInput.AgendaReport)] = "report" }));
    }
}
