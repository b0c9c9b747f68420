using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.App.Features.Meetings;

// The read records of the meetings area: what pages show and what caches hold. Never EF entities.

public sealed record MeetingRow(int Id, int GroupId, string Group, DateOnly Date, TimeOnly? StartTime, string Venue, MeetingStatus Status, int MinuteItems);
public sealed record AgendaRow(string Number, string Title, string Presenter, string PaperLink, AgendaItemKind Kind);
public sealed record AttendanceRow(AttendanceKind Kind, string Name, string? SubstituteFor, string Text);
public sealed record ForwardPlanMeeting(int Id, string Group, DateOnly Date, TimeOnly? StartTime, string Venue, IReadOnlyList<string> Items, IReadOnlyList<string> Presentations,
    DateOnly? AgendaPublished = null);
public sealed record SubGroupReportView(int Id, int SubGroupId, string SubGroup, DateOnly DateFiled, DateOnly? LastStrategicGroup, string Author,
    string OperationalUpdate, string StrategicGroupUpdate, string ActionPlanUpdate, string ActionForPartnership, bool IsLate);
public sealed record SubGroupSlot(int SubGroupId, string SubGroup, bool CanSubmit, SubGroupReportView? Report)
{
    /// <summary>In the pack's version (as at the papers deadline): the report was filed or changed after the deadline, so the current one differs.</summary>
    public bool ChangedAfterDeadline { get; init; }
}
public sealed record MeetingHeader(int Id, int Version, int GroupId, string Group, GroupKind Kind, DateOnly Date, TimeOnly? StartTime, string Venue,
    MeetingStatus Status, DateOnly PapersDeadline, int MinuteSeries, int? MinutesStartAt, DateOnly? AgendaPublished = null)
{
    public string Title => $"{Group}, {UkDates.Long(Date)}";

    /// <summary>
    /// The day the meeting's papers stand at: the papers deadline (never after the meeting). The pack
    /// reconstructs each paper from dated history up to the end of this day.
    /// </summary>
    public DateOnly PapersAsAt => PapersDeadline < Date ? PapersDeadline : Date;

    /// <summary>The end of <see cref="PapersAsAt"/> in London: anything recorded before it is in the papers.</summary>
    public DateTimeOffset PapersCutOff => UkDates.EndOfDay(PapersAsAt);

    /// <summary>When questions are due, from the meeting's date and the agenda's publication.</summary>
    public QuestionDeadlines QuestionDeadlines => QuestionDeadlines.For(Date, AgendaPublished);
}
public sealed record MeetingPack(MeetingHeader Meeting, IReadOnlyList<AgendaRow> Agenda, IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<SubGroupSlot> SubGroupReports, int MinuteItems, MeetingRow? Previous, MeetingRow? Next);
public sealed record ResolutionView(int Id, string Text, string Owners, bool NeedsAction, int? MatterId, int Version = 0);
public sealed record MinuteItemView(int Id, string Number, string Title, string Text, IReadOnlyList<ResolutionView> Resolutions,
    int Version = 0, IReadOnlyList<CorrectionView>? Corrections = null)
{
    public IReadOnlyList<CorrectionView> Corrections { get; init; } = Corrections ?? [];
}
/// <summary>A correction of agreed minutes, as shown beside its minute.</summary>
public sealed record CorrectionView(string Field, string Before, string After, string Reason, string CorrectedBy, DateTimeOffset CorrectedAt)
{
    /// <summary>An item or resolution added after the minutes were agreed, rather than a change of wording.</summary>
    public bool IsAddition => Field is MinuteCorrection.ItemAdded or MinuteCorrection.ResolutionAdded;

    /// <summary>What it was, in the minutes' words (the page, the as-at page and the Word paper say it alike).</summary>
    public string Detail => Field switch
    {
        MinuteCorrection.ItemAdded => "This minute was added after the minutes were agreed.",
        MinuteCorrection.ResolutionAdded => $"Added after the minutes were agreed: “{After}”",
        _ => $"{Field} was: “{(Before.Length > 0 ? Before : "blank")}”",
    };

    /// <summary>"Correction", "Added" or "Resolution added": the line's opening word(s).</summary>
    public string Kind => Field switch
    {
        MinuteCorrection.ItemAdded => "Added",
        MinuteCorrection.ResolutionAdded => "Resolution added",
        _ => "Correction",
    };
}
/// <summary>
/// The record that the minutes were agreed as a correct record: at which meeting (null for minutes
/// approved before approval was recorded), its minute, the corrections agreed then, who recorded it and when.
/// </summary>
public sealed record MinutesAgreedView(int? AtMeetingId, DateOnly? AtDate, string? Minute, string Corrections, string? RecordedBy, DateTimeOffset? RecordedAt);
/// <summary>A question in the meeting's log, with whether it was late against the deadline that applies to it.</summary>
public sealed record QuestionRow(int Id, int Version, string AskedBy, QuestionFrom From, string Text, DateOnly ReceivedOn, TimeOnly ReceivedTime,
    bool OnAgendaReport, string AgendaReport, string Answer, QuestionStatus Status, bool IsLate);
public sealed record QuestionsLog(MeetingHeader Meeting, QuestionDeadlines Deadlines, IReadOnlyList<QuestionRow> Questions);
public sealed record AgendaItemEditRow(int Id, int Version, int Order, string Number, string Title, string Presenter, string PaperLink, AgendaItemKind Kind);
public sealed record AttendanceEditRow(int Id, int Version, AttendanceKind Kind, int? PersonId, string Name, int? SubstituteForId, string? SubstituteFor, string Text);
public sealed record MinutesView(MeetingHeader Meeting, IReadOnlyList<MinuteItemView> Items, string NextNumber, IReadOnlyList<AttendanceRow> Attendance,
    MinutesAgreedView? Agreed = null)
{
    public bool IsAgreed => Agreed is not null;
}
/// <summary>A sub-group's report slot for a meeting, with the form's loaded version and whether this user may file it.</summary>
public sealed record SubGroupReportSlot(MeetingHeader Meeting, string SubGroup, SubGroupReportView? Existing, int Version, DateOnly? LastStrategicGroup, bool CanFile);
/// <summary>Someone the clerk may pick: the list shows the name with role and organisation; found by surname, first name or initials.</summary>
public sealed record PartnershipPerson(int Id, string Name, string Label, string Initials)
{
    /// <summary>The last word of the name: titles such as "Chief Inspector" or "Councillor" come first.</summary>
    public string Surname => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? Name;

    /// <summary>Whether what the clerk typed starts the surname, any other word of the name, or is the initials.</summary>
    public bool Matches(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return true;
        var text = typed.Trim();
        return string.Equals(Initials, text, StringComparison.OrdinalIgnoreCase)
               || Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(text, StringComparison.OrdinalIgnoreCase))
               || Name.StartsWith(text, StringComparison.OrdinalIgnoreCase);
    }
}

public static class AttendanceKinds
{
    public static string Text(AttendanceKind kind) => kind switch
    {
        AttendanceKind.AlsoPresent => "Also present",
        AttendanceKind.Apologies => "Apologies",
        _ => "Present",
    };
}

/// <summary>A member of a group, as the register and the agenda's list of members show them.</summary>
public sealed record GroupMemberRow(int PersonId, string Name, string RoleTitle, string Label)
{
    public string Surname => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? Name;
}

public sealed record StandingItemRow(int Id, int Version, int Order, string Title, string Presenter);

/// <summary>One member of the meeting's group on the attendance register, with their row if one is recorded (none: absent).</summary>
public sealed record MemberAttendance(int PersonId, string Name, string Label, AttendanceEditRow? Row)
{
    public AttendanceKind? Kind => Row?.Kind;
}

/// <summary>The attendance of a meeting on one screen: the group's members, then visitors ("also present").</summary>
public sealed record AttendanceRegister(IReadOnlyList<MemberAttendance> Members, IReadOnlyList<AttendanceEditRow> Visitors);
