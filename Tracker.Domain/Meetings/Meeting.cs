using Tracker.Domain.Common;
using Tracker.Domain.People;

namespace Tracker.Domain.Meetings;

/// <summary>A meeting moves forward only: scheduled → papers published → held → minutes approved.</summary>
public enum MeetingStatus
{
    Scheduled,
    PapersPublished,
    Held,
    MinutesApproved,
}

public static class MeetingStatusText
{
    /// <summary>
    /// The status to show on <paramref name="today"/>: a meeting whose date has passed is never shown as
    /// still to come (scheduled, papers published), even when the clerk has not recorded it as held.
    /// </summary>
    public static MeetingStatus AsOf(this MeetingStatus status, DateOnly date, DateOnly today) =>
        date < today && status < MeetingStatus.Held ? MeetingStatus.Held : status;

    public static string Text(this MeetingStatus status) => status switch
    {
        MeetingStatus.Scheduled => "Scheduled",
        MeetingStatus.PapersPublished => "Papers published",
        MeetingStatus.Held => "Held",
        MeetingStatus.MinutesApproved => "Minutes approved",
        _ => status.ToString(),
    };
}

/// <summary>A meeting of the Strategic Group or a sub-group, with its agenda, attendance and minutes.</summary>
public sealed class Meeting : Entity
{
    /// <summary>Papers are due a week before the meeting unless the clerk sets another date.</summary>
    public const int DefaultPapersDeadlineDays = 7;

    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public string Venue { get; set; } = "";
    public MeetingStatus Status { get; set; }
    public DateOnly PapersDeadline { get; set; }

    /// <summary>
    /// Which run of minute numbers this meeting's items belong to. Numbers continue from meeting to
    /// meeting within a series; the clerk starts a new series for a new municipal year.
    /// </summary>
    public int MinuteSeries { get; set; } = 1;

    /// <summary>Where a restarted series begins (e.g. 1 for a new municipal year); null when numbering continues.</summary>
    public int? MinutesStartAt { get; set; }

    /// <summary>
    /// The day the agenda was published: questions on a report on the agenda are due within 2 working
    /// days of it, by 5pm. Null until the clerk publishes the papers or enters it.
    /// </summary>
    public DateOnly? AgendaPublished { get; private set; }

    /// <summary>
    /// The record of approval: the later meeting of the group at which these minutes were agreed as a
    /// correct record, the minute of that meeting which says so ("102"), the corrections agreed then
    /// (as minuted), and who recorded it when. Null until the minutes are agreed.
    /// </summary>
    public int? MinutesAgreedAtMeetingId { get; private set; }
    public Meeting? MinutesAgreedAtMeeting { get; private set; }
    public string? MinutesAgreedMinute { get; private set; }
    public string MinutesAgreedCorrections { get; private set; } = "";
    public string? MinutesAgreedRecordedBy { get; private set; }
    public DateTimeOffset? MinutesAgreedRecordedAt { get; private set; }

    /// <summary>
    /// Once agreed as a correct record, a change to the minutes needs a reason and is shown as a
    /// correction. Only <see cref="RecordMinutesAgreed"/> sets the status now; minutes approved before
    /// approval was a record count as agreed, at a meeting not recorded.
    /// </summary>
    public bool MinutesAgreed => Status == MeetingStatus.MinutesApproved;

    readonly List<AgendaItem> _agenda = [];
    public IReadOnlyList<AgendaItem> Agenda => _agenda;
    readonly List<Attendance> _attendance = [];
    public IReadOnlyList<Attendance> Attendance => _attendance;

    public static Meeting Schedule(Group group, DateOnly date, TimeOnly? startTime, string venue, DateOnly? papersDeadline = null) => new()
    {
        Group = group,
        GroupId = group.Id,
        Date = date,
        StartTime = startTime,
        Venue = venue.Trim(),
        Status = MeetingStatus.Scheduled,
        PapersDeadline = papersDeadline ?? date.AddDays(-DefaultPapersDeadlineDays),
    };

    /// <summary>
    /// Moves the meeting on; a meeting never goes back a step. Approval is not a step the clerk
    /// clicks: it is recorded with <see cref="RecordMinutesAgreed"/>. Publishing the papers dates the
    /// agenda's publication unless the clerk already gave the date.
    /// </summary>
    public bool TryAdvance(MeetingStatus to, DateOnly today)
    {
        if (to <= Status || to == MeetingStatus.MinutesApproved) return false;
        Status = to;
        if (to == MeetingStatus.PapersPublished) AgendaPublished ??= today;
        return true;
    }

    /// <summary>The clerk enters or corrects the day the agenda was published (null: not yet published).</summary>
    public void SetAgendaPublished(DateOnly? published) => AgendaPublished = published;

    /// <summary>
    /// Records that these minutes were agreed as a correct record at <paramref name="at"/>, a later
    /// meeting of the same group, with any corrections agreed then. Null when recorded; otherwise why not.
    /// </summary>
    public string? RecordMinutesAgreed(Meeting at, string? minute, string? corrections, string by, DateTimeOffset when)
    {
        if (MinutesAgreed) return "These minutes have already been agreed as a correct record";
        if (at.GroupId != GroupId || at.Date <= Date) return "Select a later meeting of the same group";
        MinutesAgreedAtMeeting = at;
        MinutesAgreedAtMeetingId = at.Id;
        MinutesAgreedMinute = string.IsNullOrWhiteSpace(minute) ? null : minute.Trim();
        MinutesAgreedCorrections = corrections?.Trim() ?? "";
        MinutesAgreedRecordedBy = by;
        MinutesAgreedRecordedAt = when;
        Status = MeetingStatus.MinutesApproved;
        return null;
    }

    public AgendaItem AddAgendaItem(string number, string title, string? presenter = null, string? paperLink = null,
        AgendaItemKind kind = AgendaItemKind.Business)
    {
        var item = new AgendaItem
        {
            Meeting = this, Number = number.Trim(), Title = title.Trim(), Presenter = presenter?.Trim() ?? "",
            PaperLink = paperLink?.Trim() ?? "", Kind = kind, Order = _agenda.Count + 1,
        };
        _agenda.Add(item);
        return item;
    }

    public Attendance AddAttendance(AttendanceKind kind, string name, Person? person = null, string? substituteFor = null)
    {
        var row = new Attendance
        {
            Meeting = this, Kind = kind, Name = name.Trim(), Person = person, PersonId = person?.Id,
            SubstituteFor = string.IsNullOrWhiteSpace(substituteFor) ? null : substituteFor.Trim(),
            Order = _attendance.Count + 1,
        };
        _attendance.Add(row);
        return row;
    }

    /// <summary>The clerk moves the meeting or its papers deadline; its status and minutes stay as they are.</summary>
    public void Reschedule(DateOnly date, TimeOnly? startTime, string venue, DateOnly papersDeadline)
    {
        Date = date;
        StartTime = startTime;
        Venue = venue.Trim();
        PapersDeadline = papersDeadline;
    }

    /// <summary>Swaps the item with its neighbour and renumbers; false at either end of the agenda.</summary>
    public bool MoveAgendaItem(AgendaItem item, int by)
    {
        var ordered = _agenda.OrderBy(a => a.Order).ToList();
        var index = ordered.IndexOf(item);
        var target = index + Math.Sign(by);
        if (index < 0 || by == 0 || target < 0 || target >= ordered.Count) return false;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        Renumber(ordered);
        return true;
    }

    /// <summary>Moves the item to a position (0 first), as a drag puts it, and renumbers; false if it is already there.</summary>
    public bool MoveAgendaItemTo(AgendaItem item, int position)
    {
        var ordered = _agenda.OrderBy(a => a.Order).ToList();
        var index = ordered.IndexOf(item);
        var target = Math.Clamp(position, 0, Math.Max(0, ordered.Count - 1));
        if (index < 0 || index == target) return false;
        ordered.RemoveAt(index);
        ordered.Insert(target, item);
        Renumber(ordered);
        return true;
    }

    /// <summary>
    /// Adds an item before any other business and the date of the next meeting, which close every
    /// agenda, and renumbers.
    /// </summary>
    public AgendaItem InsertAgendaItem(string title, string? presenter, string? paperLink, AgendaItemKind kind)
    {
        var ordered = _agenda.OrderBy(a => a.Order).ToList();
        var item = AddAgendaItem("", title, presenter, paperLink, kind);
        var closing = ordered.FindIndex(a => AgendaPlan.IsClosing(a.Title));
        ordered.Insert(closing < 0 ? ordered.Count : closing, item);
        Renumber(ordered);
        return item;
    }

    /// <summary>Adds the items of a planned agenda (<see cref="AgendaPlan"/>) in order.</summary>
    public void PlanAgenda(IEnumerable<PlannedAgendaItem> items)
    {
        foreach (var item in items) AddAgendaItem(item.Number, item.Title, item.Presenter, item.PaperLink, item.Kind);
    }

    public void RemoveAgendaItem(AgendaItem item)
    {
        _agenda.Remove(item);
        Renumber(_agenda.OrderBy(a => a.Order).ToList());
    }

    /// <summary>
    /// Someone attends as substitute for <paramref name="absent"/>, a member: the member is recorded as
    /// having sent apologies (a row is added, returned in <paramref name="apologies"/>, if they have none).
    /// Null when done; refused, with the reason, if the member is recorded as present or also present.
    /// </summary>
    public string? SubstituteFor(Person absent, Attendance? substitute, out Attendance? apologies)
    {
        apologies = null;
        var row = _attendance.FirstOrDefault(a => a != substitute && a.PersonId == absent.Id);
        if (row is null)
        {
            apologies = AddAttendance(AttendanceKind.Apologies, Meetings.Attendance.MinutesName(absent), absent);
            return null;
        }
        return row.Kind == AttendanceKind.Apologies ? null : $"{absent.Name} is recorded as present, so no one can attend as their substitute";
    }

    /// <summary>Null when <paramref name="person"/> may be recorded as attending; refused while someone attends as their substitute.</summary>
    public string? CheckAttending(Person person, AttendanceKind kind, Attendance? row)
    {
        if (kind == AttendanceKind.Apologies) return null;
        var substitute = _attendance.FirstOrDefault(a => a != row && a.SubstituteFor == person.Name);
        return substitute is null ? null
            : $"{substitute.Person?.Name ?? substitute.Name} attended as substitute for {person.Name}: change that first, or record {person.Name}'s apologies";
    }

    public void RemoveAttendance(Attendance row)
    {
        _attendance.Remove(row);
        var order = 1;
        foreach (var a in _attendance.OrderBy(a => a.Order)) a.Order = order++;
    }

    // Only items whose position or number changes are touched, so unmoved items keep their versions.
    static void Renumber(List<AgendaItem> ordered)
    {
        var numbers = AgendaPlan.Numbers(ordered.Select(a => a.Number).ToList());
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Order != i + 1) ordered[i].Order = i + 1;
            if (ordered[i].Number != numbers[i]) ordered[i].Number = numbers[i];
        }
    }

    /// <summary>A report filed after the papers deadline is shown as late.</summary>
    public bool IsLate(DateOnly filed) => filed > PapersDeadline;
}

public enum AgendaItemKind
{
    /// <summary>Standing business and reports.</summary>
    Business,
    /// <summary>The forward plan's "Presentations and Discussions" column.</summary>
    Presentation,
}

public sealed class AgendaItem : Entity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Order { get; set; }
    /// <summary>As printed: "7", "7a".</summary>
    public string Number { get; set; } = "";
    public required string Title { get; set; }
    public string Presenter { get; set; } = "";
    /// <summary>A link to the paper or report for the item (e.g. /actions/report, /risks).</summary>
    public string PaperLink { get; set; } = "";
    public AgendaItemKind Kind { get; set; }

    public void Change(string number, string title, string? presenter, string? paperLink, AgendaItemKind kind)
    {
        Number = number.Trim();
        Title = title.Trim();
        Presenter = presenter?.Trim() ?? "";
        PaperLink = paperLink?.Trim() ?? "";
        Kind = kind;
    }
}

public enum AttendanceKind
{
    Present,
    AlsoPresent,
    Apologies,
}

/// <summary>One line of the attendance record; a substitute is present "as substitute for" someone who sent apologies.</summary>
public sealed class Attendance : Entity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Order { get; set; }
    public AttendanceKind Kind { get; set; }
    /// <summary>As the minutes name them, including people who are not users of the tracker.</summary>
    public required string Name { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public string? SubstituteFor { get; set; }

    public void Change(AttendanceKind kind, Person person, Person? substituteFor)
    {
        Kind = kind;
        Person = person;
        PersonId = person.Id;
        Name = MinutesName(person);
        SubstituteFor = substituteFor?.Name;
    }

    /// <summary>How the minutes name someone: "Amanda Mumford (LBB Community Safety Co-ordinator)".</summary>
    public static string MinutesName(Person person) =>
        string.IsNullOrWhiteSpace(person.RoleTitle) ? person.Name : $"{person.Name} ({person.RoleTitle})";

    /// <summary>One line on its own: a substitute reads "Conal Percy (London Ambulance Service) (substituting for Colin Powell)".</summary>
    public string Describe() => SubstituteFor is null ? Name : $"{Name} (substituting for {SubstituteFor})";

    /// <summary>
    /// Each line as the minutes print it (see 003's minute 101): a substitute "(substituting for …)",
    /// and the member they stood in for, among the apologies, "Colin Powell (London Ambulance Service);
    /// Conal Percy attended as substitute". Load <see cref="Person"/> for the plain names.
    /// </summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<Attendance> rows) =>
        rows.Select(row =>
        {
            if (row.Kind != AttendanceKind.Apologies || row.Person is not { } person) return row.Describe();
            var substitutes = rows.Where(s => s != row && s.SubstituteFor == person.Name && s.Kind != AttendanceKind.Apologies)
                .Select(s => s.Person?.Name ?? s.Name).ToList();
            return substitutes.Count == 0 ? row.Name : $"{row.Name}; {string.Join(" and ", substitutes)} attended as substitute";
        }).ToList();
}
