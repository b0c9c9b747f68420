using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// Meetings themselves: the list, the forward plan, a meeting's pack, scheduling, details and status.
/// Read by all; written by the clerk. Agenda, attendance, minutes and sub-group reports have their own services.
/// </summary>
public sealed class MeetingsService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    static readonly MeetingInputValidator _meetingValidator = new();
    static readonly MeetingDetailsInputValidator _detailsValidator = new();

    DateOnly Today => MeetingQueries.Today(clock);

    public async Task<IReadOnlyList<MeetingRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = Today;
        var rows = await db.Meetings.AsNoTracking()
            .OrderByDescending(m => m.Date)
            .Select(m => new MeetingRow(m.Id, m.GroupId, m.Group!.ShortName, m.Date, m.StartTime, m.Venue, m.Status,
                db.MinuteItems.Count(i => i.MeetingId == m.Id)))
            .ToListAsync(ct);
        return rows.Select(r => r with { Status = r.Status.AsOf(r.Date, today) }).ToList();
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> ListGroupsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct))
            .Select(g => (g.Id, g.Name)).ToList();
    }

    /// <summary>
    /// Coming meetings (today or later, not yet held), with their planned items, as the Forward Plan
    /// lays them out. A past meeting is never on it, even if nobody recorded it as held.
    /// </summary>
    public async Task<IReadOnlyList<ForwardPlanMeeting>> ForwardPlanAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = Today;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Date >= today && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished))
            .OrderBy(m => m.Date)
            .Select(m => new
            {
                m.Id, Group = m.Group!.ShortName, m.Date, m.StartTime, m.Venue, m.AgendaPublished,
                Items = m.Agenda.OrderBy(a => a.Order).Select(a => new { a.Title, a.Kind }).ToList(),
            })
            .ToListAsync(ct);
        return meetings.Select(m => new ForwardPlanMeeting(m.Id, m.Group, m.Date, m.StartTime, m.Venue,
            m.Items.Where(i => i.Kind == AgendaItemKind.Business).Select(i => i.Title).ToList(),
            m.Items.Where(i => i.Kind == AgendaItemKind.Presentation).Select(i => i.Title).ToList(), m.AgendaPublished)).ToList();
    }

    /// <summary>Meetings whose date has passed, latest first: listed apart from the forward plan.</summary>
    public async Task<IReadOnlyList<MeetingRow>> PastMeetingsAsync(CancellationToken ct = default) =>
        (await ListAsync(ct)).Where(m => m.Date < Today).ToList();

    public async Task<MeetingHeader?> GetHeaderAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await MeetingQueries.HeaderAsync(db, id, ct);
    }

    /// <param name="asAtPapersDeadline">
    /// The sub-group reports as they stood at the end of the papers deadline (the pack's version): a report
    /// filed after it (by the audit trail, or dated after it) is left out, and one changed after it is put
    /// back as it was, from the audit trail (reports are edited in place; <see cref="AuditRewind"/>). Each such slot says so (<see cref="SubGroupSlot.ChangedAfterDeadline"/>).
    /// </param>
    public async Task<MeetingPack?> GetPackAsync(int id, CancellationToken ct = default, bool asAtPapersDeadline = false)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var header = await MeetingQueries.HeaderAsync(db, id, ct);
        if (header is null) return null;
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Order)
            .Select(a => new AgendaRow(a.Number, a.Title, a.Presenter, a.PaperLink, a.Kind)).ToListAsync(ct);
        var attendance = (await db.Attendance.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Order).ToListAsync(ct))
            .Select(a => new AttendanceRow(a.Kind, a.Name, a.SubstituteFor, a.Describe())).ToList();
        var reports = await db.SubGroupReports.AsNoTracking().Where(r => r.MeetingId == id)
            .Select(r => new SubGroupReportView(r.Id, r.SubGroupId, r.SubGroup!.ShortName, r.DateFiled, r.LastStrategicGroup, r.Author,
                r.OperationalUpdate, r.StrategicGroupUpdate, r.ActionPlanUpdate, r.ActionForPartnership, r.IsLate))
            .ToListAsync(ct);
        var changedAfter = new HashSet<int>();
        if (asAtPapersDeadline)
        {
            var rewind = await AuditRewind.ReadAsync(db, nameof(SubGroupReport), header.PapersCutOff, ct);
            var live = reports;
            changedAfter = reports.Where(r => rewind.AddedAfter(r.Id) || rewind.Changed(r.Id) is not null).Select(r => r.SubGroupId).ToHashSet();
            reports = reports.Where(r => !rewind.AddedAfter(r.Id)).Select(r => rewind.Changed(r.Id) is not { } was ? r : r with
            {
                DateFiled = was.Date(nameof(SubGroupReport.DateFiled), r.DateFiled) ?? r.DateFiled,
                LastStrategicGroup = was.Date(nameof(SubGroupReport.LastStrategicGroup), r.LastStrategicGroup),
                Author = was.Text(nameof(SubGroupReport.Author), r.Author),
                OperationalUpdate = was.Text(nameof(SubGroupReport.OperationalUpdate), r.OperationalUpdate),
                StrategicGroupUpdate = was.Text(nameof(SubGroupReport.StrategicGroupUpdate), r.StrategicGroupUpdate),
                ActionPlanUpdate = was.Text(nameof(SubGroupReport.ActionPlanUpdate), r.ActionPlanUpdate),
                ActionForPartnership = was.Text(nameof(SubGroupReport.ActionForPartnership), r.ActionForPartnership),
                IsLate = was.Bool(nameof(SubGroupReport.IsLate), r.IsLate),
            }).Where(r => r.DateFiled <= header.PapersAsAt).ToList();
            // A report dated after the deadline (filed late) is not in the pack either.
            changedAfter.UnionWith(live.Where(r => r.DateFiled > header.PapersAsAt).Select(r => r.SubGroupId));
        }
        var slots = new List<SubGroupSlot>();
        if (header.Kind == GroupKind.StrategicGroup)
        {
            var subGroups = await db.Groups.AsNoTracking().Where(g => g.ParentGroupId == header.GroupId).OrderBy(g => g.Name)
                .Select(g => new { g.Id, g.ShortName, Leads = g.Members.Where(m => m.IsLead).Select(m => m.PersonId).ToList() })
                .ToListAsync(ct);
            foreach (var group in subGroups)
            {
                var canSubmit = header.Status < MeetingStatus.Held
                                && (user.IsAdministrator() || (user.PersonId is { } pid && group.Leads.Contains(pid)));
                slots.Add(new SubGroupSlot(group.Id, group.ShortName, canSubmit, reports.FirstOrDefault(r => r.SubGroupId == group.Id))
                    { ChangedAfterDeadline = changedAfter.Contains(group.Id) });
            }
        }
        var minuteItems = await db.MinuteItems.CountAsync(i => i.MeetingId == id, ct);
        var neighbours = await db.Meetings.AsNoTracking().Where(m => m.GroupId == header.GroupId && m.Id != id)
            .Select(m => new MeetingRow(m.Id, m.GroupId, m.Group!.ShortName, m.Date, m.StartTime, m.Venue, m.Status, 0))
            .ToListAsync(ct);
        var previous = neighbours.Where(m => m.Date < header.Date).MaxBy(m => m.Date);
        var next = neighbours.Where(m => m.Date > header.Date).MinBy(m => m.Date);
        return new MeetingPack(header, agenda, attendance, slots, minuteItems, previous, next);
    }

    public async Task<SaveResult> ScheduleAsync(MeetingInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can schedule meetings");
        var errors = _meetingValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == input.GroupId, ct);
        if (group is null) return SaveResult.Invalid(nameof(MeetingInput.GroupId), "Select the group that is meeting");
        UkDates.TryParseShort(input.Date, out var date);
        DateOnly? deadline = UkDates.TryParseShort(input.PapersDeadline, out var d) ? d : null;
        if (deadline > date) return SaveResult.Invalid(nameof(MeetingInput.PapersDeadline), "Papers deadline must be on or before the date of the meeting");
        TimeOnly? start = TimeOnly.TryParse(input.StartTime, UkDates.Culture, out var t) ? t : null;
        var meeting = Meeting.Schedule(group, date, start, input.Venue ?? "", deadline);
        var previousSeries = await db.Meetings.Where(m => m.GroupId == group.Id && m.Date < date)
            .OrderByDescending(m => m.Date).Select(m => (int?)m.MinuteSeries).FirstOrDefaultAsync(ct);
        // A new municipal year: the clerk restarts numbering, which starts a new series.
        meeting.MinuteSeries = input.RestartNumbering
            ? (await db.Meetings.Where(m => m.GroupId == group.Id).MaxAsync(m => (int?)m.MinuteSeries, ct) ?? 0) + 1
            : previousSeries ?? 1;
        if (input.RestartNumbering) meeting.MinutesStartAt = input.RestartAt;
        meeting.PlanAgenda(await MeetingQueries.PlanAgendaAsync(db, group.Id, date, ct));
        db.Meetings.Add(meeting);
        return await db.SaveNewAsync(() => SaveResult.Saved(meeting.Id, meeting.Version), ct);
    }

    public async Task<SaveResult> AdvanceAsync(int id, int loadedVersion, MeetingStatus to, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change a meeting's status");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(meeting, loadedVersion, () => DetailValues(meeting), () =>
        {
            if (to == MeetingStatus.MinutesApproved)
                return SaveResult.Invalid("", "Record at which meeting the minutes were agreed as a correct record, on the minutes page");
            if (!meeting.TryAdvance(to, Today)) return SaveResult.Invalid("", $"The meeting is already {meeting.Status.Text().ToLowerInvariant()}: a meeting's status only moves forward");
            return null;
        }, ct);
    }

    /// <summary>Changes date, time, venue, papers deadline and the agenda's publication date; the status moves only by <see cref="AdvanceAsync"/>.</summary>
    public async Task<SaveResult> UpdateDetailsAsync(int id, int loadedVersion, MeetingDetailsInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change a meeting's details");
        var errors = _detailsValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(meeting, loadedVersion, () => DetailValues(meeting), () =>
        {
            UkDates.TryParseShort(input.Date, out var date);
            UkDates.TryParseShort(input.PapersDeadline, out var deadline);
            TimeOnly? start = TimeOnly.TryParse(input.StartTime, UkDates.Culture, out var t) ? t : null;
            meeting.Reschedule(date, start, input.Venue!, deadline);
            meeting.SetAgendaPublished(UkDates.TryParseShort(input.AgendaPublished, out var published) ? published : null);
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> DetailValues(Meeting m) =>
    [
        new(nameof(MeetingDetailsInput.Date), "Date of the meeting", UkDates.Short(m.Date)),
        new(nameof(MeetingDetailsInput.StartTime), "Start time", m.StartTime?.ToString("HH:mm", UkDates.Culture)),
        new(nameof(MeetingDetailsInput.Venue), "Venue", m.Venue),
        new(nameof(MeetingDetailsInput.PapersDeadline), "Papers deadline", UkDates.Short(m.PapersDeadline)),
        new(nameof(MeetingDetailsInput.AgendaPublished), "Agenda published", m.AgendaPublished is { } p ? UkDates.Short(p) : null),
        new("Status", "Status", m.Status.Text()),
    ];
}
