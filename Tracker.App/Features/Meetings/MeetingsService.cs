using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.App.Features.Meetings;

public sealed record MeetingRow(int Id, int GroupId, string Group, DateOnly Date, TimeOnly? StartTime, string Venue, MeetingStatus Status, int MinuteItems);
public sealed record AgendaRow(string Number, string Title, string Presenter, string PaperLink, AgendaItemKind Kind);
public sealed record AttendanceRow(AttendanceKind Kind, string Name, string? SubstituteFor, string Text);
public sealed record ForwardPlanMeeting(int Id, string Group, DateOnly Date, TimeOnly? StartTime, string Venue, IReadOnlyList<string> Items, IReadOnlyList<string> Presentations);
public sealed record SubGroupReportView(int Id, int SubGroupId, string SubGroup, DateOnly DateFiled, DateOnly? LastStrategicGroup, string Author,
    string OperationalUpdate, string StrategicGroupUpdate, string ActionPlanUpdate, string ActionForPartnership, bool IsLate);
public sealed record SubGroupSlot(int SubGroupId, string SubGroup, bool CanSubmit, SubGroupReportView? Report);
public sealed record MeetingHeader(int Id, int Version, int GroupId, string Group, GroupKind Kind, DateOnly Date, TimeOnly? StartTime, string Venue,
    MeetingStatus Status, DateOnly PapersDeadline, int MinuteSeries, int? MinutesStartAt)
{
    public string Title => $"{Group}, {UkDates.Long(Date)}";
}
public sealed record MeetingPack(MeetingHeader Meeting, IReadOnlyList<AgendaRow> Agenda, IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<SubGroupSlot> SubGroupReports, int MinuteItems, MeetingRow? Previous, MeetingRow? Next);
public sealed record ResolutionView(int Id, string Text, string Owners, bool NeedsAction, int? MatterId);
public sealed record MinuteItemView(int Id, string Number, string Title, string Text, IReadOnlyList<ResolutionView> Resolutions);
public sealed record AgendaItemEditRow(int Id, int Version, int Order, string Number, string Title, string Presenter, string PaperLink, AgendaItemKind Kind);
public sealed record AttendanceEditRow(int Id, int Version, AttendanceKind Kind, int? PersonId, string Name, int? SubstituteForId, string? SubstituteFor, string Text);
public sealed record MinutesView(MeetingHeader Meeting, IReadOnlyList<MinuteItemView> Items, string NextNumber);

/// <summary>Meetings, agendas, attendance, minutes and resolutions, and sub-group reports. Read by all; written by the clerk (sub-group reports by their lead).</summary>
public sealed class MeetingsService(TrackerDbContext db, ICurrentUser user, TimeProvider clock)
{
    readonly MeetingInputValidator _meetingValidator = new();
    readonly MinuteItemInputValidator _itemValidator = new();
    readonly ResolutionInputValidator _resolutionValidator = new();
    readonly SubGroupReportInputValidator _reportValidator = new();
    readonly MeetingDetailsInputValidator _detailsValidator = new();
    readonly AgendaItemInputValidator _agendaValidator = new();
    readonly AttendanceInputValidator _attendanceValidator = new();

    DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    public async Task<IReadOnlyList<MeetingRow>> ListAsync(CancellationToken ct = default)
    {
        var today = Today;
        var rows = await db.Meetings.AsNoTracking()
            .OrderByDescending(m => m.Date)
            .Select(m => new MeetingRow(m.Id, m.GroupId, m.Group!.ShortName, m.Date, m.StartTime, m.Venue, m.Status,
                db.MinuteItems.Count(i => i.MeetingId == m.Id)))
            .ToListAsync(ct);
        return rows.Select(r => r with { Status = r.Status.AsOf(r.Date, today) }).ToList();
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> ListGroupsAsync(CancellationToken ct = default) =>
        (await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct))
        .Select(g => (g.Id, g.Name)).ToList();

    /// <summary>
    /// Coming meetings (today or later, not yet held), with their planned items, as the Forward Plan
    /// lays them out. A past meeting is never on it, even if nobody recorded it as held.
    /// </summary>
    public async Task<IReadOnlyList<ForwardPlanMeeting>> ForwardPlanAsync(CancellationToken ct = default)
    {
        var today = Today;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Date >= today && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished))
            .OrderBy(m => m.Date)
            .Select(m => new
            {
                m.Id, Group = m.Group!.ShortName, m.Date, m.StartTime, m.Venue,
                Items = m.Agenda.OrderBy(a => a.Order).Select(a => new { a.Title, a.Kind }).ToList(),
            })
            .ToListAsync(ct);
        return meetings.Select(m => new ForwardPlanMeeting(m.Id, m.Group, m.Date, m.StartTime, m.Venue,
            m.Items.Where(i => i.Kind == AgendaItemKind.Business).Select(i => i.Title).ToList(),
            m.Items.Where(i => i.Kind == AgendaItemKind.Presentation).Select(i => i.Title).ToList())).ToList();
    }

    /// <summary>Meetings whose date has passed, latest first: listed apart from the forward plan.</summary>
    public async Task<IReadOnlyList<MeetingRow>> PastMeetingsAsync(CancellationToken ct = default) =>
        (await ListAsync(ct)).Where(m => m.Date < Today).ToList();

    public async Task<MeetingHeader?> GetHeaderAsync(int id, CancellationToken ct = default) =>
        await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MeetingHeader(m.Id, m.Version, m.GroupId, m.Group!.ShortName, m.Group.Kind, m.Date, m.StartTime, m.Venue, m.Status, m.PapersDeadline, m.MinuteSeries, m.MinutesStartAt))
            .SingleOrDefaultAsync(ct);

    public async Task<MeetingPack?> GetPackAsync(int id, CancellationToken ct = default)
    {
        var header = await GetHeaderAsync(id, ct);
        if (header is null) return null;
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Order)
            .Select(a => new AgendaRow(a.Number, a.Title, a.Presenter, a.PaperLink, a.Kind)).ToListAsync(ct);
        var attendance = (await db.Attendance.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Order).ToListAsync(ct))
            .Select(a => new AttendanceRow(a.Kind, a.Name, a.SubstituteFor, a.Describe())).ToList();
        var reports = await db.SubGroupReports.AsNoTracking().Where(r => r.MeetingId == id)
            .Select(r => new SubGroupReportView(r.Id, r.SubGroupId, r.SubGroup!.ShortName, r.DateFiled, r.LastStrategicGroup, r.Author,
                r.OperationalUpdate, r.StrategicGroupUpdate, r.ActionPlanUpdate, r.ActionForPartnership, r.IsLate))
            .ToListAsync(ct);
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
                slots.Add(new SubGroupSlot(group.Id, group.ShortName, canSubmit, reports.FirstOrDefault(r => r.SubGroupId == group.Id)));
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

    public async Task<MinutesView?> GetMinutesAsync(int meetingId, CancellationToken ct = default)
    {
        var header = await GetHeaderAsync(meetingId, ct);
        if (header is null) return null;
        var items = await db.MinuteItems.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .Include(i => i.Resolutions)
            .ToListAsync(ct);
        var resolutionIds = items.SelectMany(i => i.Resolutions).Select(r => r.Id).ToList();
        var matters = await db.MattersArising.AsNoTracking().Where(m => m.ResolutionId != null && resolutionIds.Contains(m.ResolutionId.Value))
            .Select(m => new { m.Id, m.ResolutionId }).ToListAsync(ct);
        var views = items.OrderBy(i => i.MinuteNumber)
            .Select(i => new MinuteItemView(i.Id, i.MinuteNumber.ToString(), i.Title, i.Text,
                i.Resolutions.OrderBy(r => r.Order)
                    .Select(r => new ResolutionView(r.Id, r.Text, r.Owners, r.NeedsAction, matters.FirstOrDefault(m => m.ResolutionId == r.Id)?.Id))
                    .ToList()))
            .ToList();
        return new MinutesView(header, views, (await NextNumberAsync(header, ct)).ToString());
    }

    /// <summary>
    /// The suggested number for a new item of this meeting: the last number of the series so far
    /// (this meeting's items, else the latest earlier meeting's) plus one, or the restart number.
    /// </summary>
    async Task<MinuteNumber> NextNumberAsync(MeetingHeader meeting, CancellationToken ct)
    {
        var used = await UsedNumbersAsync(meeting.GroupId, meeting.MinuteSeries, ct);
        return MinuteNumbering.Next(used, used.Count == 0 ? meeting.MinutesStartAt : null);
    }

    async Task<List<MinuteNumber>> UsedNumbersAsync(int groupId, int series, CancellationToken ct) =>
        (await db.MinuteItems.AsNoTracking().Where(i => i.GroupId == groupId && i.Series == series)
            .Select(i => new { i.Number, i.Suffix }).ToListAsync(ct))
        .Select(i => new MinuteNumber(i.Number, i.Suffix)).ToList();

    public async Task<SaveResult> ScheduleAsync(MeetingInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can schedule meetings");
        var errors = _meetingValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
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
        db.Meetings.Add(meeting);
        return await db.SaveNewAsync(() => SaveResult.Saved(meeting.Id, meeting.Version), ct);
    }

    public async Task<SaveResult> AdvanceAsync(int id, int loadedVersion, MeetingStatus to, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change a meeting's status");
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(meeting, loadedVersion, () => Values(meeting), () =>
        {
            if (!meeting.TryAdvance(to)) return SaveResult.Invalid("", $"The meeting is already {meeting.Status.Text().ToLowerInvariant()}: a meeting's status only moves forward");
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> Values(Meeting m) => [new("Status", "Status", m.Status.Text())];

    /// <summary>Everyone an owner may name, for parsing the action column.</summary>
    public async Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(CancellationToken ct = default) =>
        await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new KnownPerson(p.Id, p.Initials, p.Name)).ToListAsync(ct);

    public async Task<SaveResult> AddMinuteItemAsync(int meetingId, MinuteItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record minutes");
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return SaveResult.Missing();
        var errors = _itemValidator.Check(input).ToList();
        MinuteNumber number = default;
        if (errors.All(e => e.Field != nameof(MinuteItemInput.Number)) && MinuteNumber.TryParse(input.Number, out number))
        {
            var used = await UsedNumbersAsync(meeting.GroupId, meeting.MinuteSeries, ct);
            if (MinuteNumbering.Check(number, used) is { } problem) errors.Add(new FieldError(nameof(MinuteItemInput.Number), problem));
        }
        var hasResolution = !string.IsNullOrWhiteSpace(input.Resolution);
        OwnerParseResult? owners = null;
        if (hasResolution && (input.NeedsAction || !string.IsNullOrWhiteSpace(input.Owners)) && !string.IsNullOrWhiteSpace(input.Owners))
        {
            owners = ActionOwners.Parse(input.Owners, await KnownPeopleAsync(ct));
            if (owners.Error is { } ownerError) errors.Add(new FieldError(nameof(MinuteItemInput.Owners), ownerError));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var item = MinuteItem.Record(meeting, number, input.Title!, input.Text);
        db.MinuteItems.Add(item);
        if (hasResolution)
        {
            var (_, matter) = item.Resolve(input.Resolution!, owners ?? new OwnerParseResult([], null), input.NeedsAction);
            if (matter is not null) db.MattersArising.Add(matter);
        }
        // Two clerks numbering the same minute at once: the unique index decides.
        return await db.SaveNewAsync(() => SaveResult.Saved(item.Id, item.Version), ct,
            new UniqueRule("MinuteItems.GroupId", nameof(MinuteItemInput.Number), $"Minute {input.Number?.Trim()} has just been recorded by someone else: use the next number"));
    }

    public async Task<SaveResult> AddResolutionAsync(int minuteItemId, ResolutionInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record resolutions");
        var item = await db.MinuteItems.Include(i => i.Meeting).Include(i => i.Resolutions).SingleOrDefaultAsync(i => i.Id == minuteItemId, ct);
        if (item is null) return SaveResult.Missing();
        var errors = _resolutionValidator.Check(input).ToList();
        OwnerParseResult owners = new([], null);
        if (!string.IsNullOrWhiteSpace(input.Owners))
        {
            owners = ActionOwners.Parse(input.Owners, await KnownPeopleAsync(ct));
            if (owners.Error is { } ownerError) errors.Add(new FieldError(nameof(ResolutionInput.Owners), ownerError));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var (resolution, matter) = item.Resolve(input.Text!, owners, input.NeedsAction);
        if (matter is not null) db.MattersArising.Add(matter);
        return await db.SaveNewAsync(() => SaveResult.Saved(resolution.Id, resolution.Version), ct);
    }

    public async Task<(MeetingHeader Meeting, string SubGroup, SubGroupReportView? Existing, int Version, DateOnly? LastStrategicGroup)?> GetSubGroupReportAsync(
        int meetingId, int subGroupId, CancellationToken ct = default)
    {
        var header = await GetHeaderAsync(meetingId, ct);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == subGroupId && g.Kind == GroupKind.SubGroup).Select(g => g.ShortName).SingleOrDefaultAsync(ct);
        if (header is null || group is null) return null;
        var report = await db.SubGroupReports.AsNoTracking().Where(r => r.MeetingId == meetingId && r.SubGroupId == subGroupId)
            .Select(r => new { View = new SubGroupReportView(r.Id, r.SubGroupId, group, r.DateFiled, r.LastStrategicGroup, r.Author,
                r.OperationalUpdate, r.StrategicGroupUpdate, r.ActionPlanUpdate, r.ActionForPartnership, r.IsLate), r.Version })
            .SingleOrDefaultAsync(ct);
        var last = await LastStrategicGroupAsync(header.GroupId, header.Date, ct);
        return (header, group, report?.View, report?.Version ?? 0, last);
    }

    Task<DateOnly?> LastStrategicGroupAsync(int groupId, DateOnly before, CancellationToken ct) =>
        db.Meetings.Where(m => m.GroupId == groupId && m.Date < before).OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);

    /// <summary>Files (or refiles) a sub-group's report for a meeting. Only the sub-group's lead, or the clerk, may.</summary>
    public async Task<SaveResult> FileSubGroupReportAsync(int meetingId, int subGroupId, int loadedVersion, SubGroupReportInput input, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var group = await db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == subGroupId && g.Kind == GroupKind.SubGroup, ct);
        if (meeting is null || group is null) return SaveResult.Missing();
        var isLead = user.PersonId is { } pid && group.LeadPersonIds.Contains(pid);
        if (!isLead && !user.IsAdministrator()) return SaveResult.Forbidden($"Only the lead of the {group.ShortName} sub-group can file its report");
        if (meeting.Status >= MeetingStatus.Held) return SaveResult.Forbidden("This meeting has been held: its papers can no longer change");
        var errors = _reportValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var report = await db.SubGroupReports.SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.SubGroupId == subGroupId, ct);
        var last = await LastStrategicGroupAsync(meeting.GroupId, meeting.Date, ct);
        if (report is null)
        {
            report = new SubGroupReport { Meeting = meeting, MeetingId = meeting.Id, SubGroupId = group.Id, Author = user.DisplayName };
            report.File(input, user.DisplayName, Today, meeting.PapersDeadline, last);
            db.SubGroupReports.Add(report);
            var first = await db.SaveNewAsync(() => SaveResult.Saved(report.Id, report.Version), ct);
            if (first.Succeeded) return first;
            // Someone filed the first report at the same moment: theirs stands, shown as a stale save.
            var filed = await db.SubGroupReports.AsNoTracking().SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.SubGroupId == subGroupId, ct);
            return filed is null ? first : SaveResult.Stale(new Conflict(filed.UpdatedBy, filed.UpdatedAt, filed.Version, Values(filed)));
        }
        return await db.SaveVersionedAsync(report, loadedVersion, () => Values(report), () =>
        {
            report.File(input, user.DisplayName, Today, meeting.PapersDeadline, last);
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> Values(SubGroupReport r) =>
    [
        new(nameof(SubGroupReportInput.OperationalUpdate), "Operational update", r.OperationalUpdate),
        new(nameof(SubGroupReportInput.StrategicGroupUpdate), "Strategic Group update", r.StrategicGroupUpdate),
        new(nameof(SubGroupReportInput.ActionPlanUpdate), "Action plan update", r.ActionPlanUpdate),
        new(nameof(SubGroupReportInput.ActionForPartnership), "Action for the Safer Bromley Partnership", r.ActionForPartnership),
    ];

    // ---- Meeting details, agenda and attendance: written by the clerk only. ----

    /// <summary>Changes date, time, venue and papers deadline; the status moves only by <see cref="AdvanceAsync"/>.</summary>
    public async Task<SaveResult> UpdateDetailsAsync(int id, int loadedVersion, MeetingDetailsInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change a meeting's details");
        var errors = _detailsValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(meeting, loadedVersion, () => DetailValues(meeting), () =>
        {
            UkDates.TryParseShort(input.Date, out var date);
            UkDates.TryParseShort(input.PapersDeadline, out var deadline);
            TimeOnly? start = TimeOnly.TryParse(input.StartTime, UkDates.Culture, out var t) ? t : null;
            meeting.Reschedule(date, start, input.Venue!, deadline);
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> DetailValues(Meeting m) =>
    [
        new(nameof(MeetingDetailsInput.Date), "Date of the meeting", UkDates.Short(m.Date)),
        new(nameof(MeetingDetailsInput.StartTime), "Start time", m.StartTime?.ToString("HH:mm", UkDates.Culture)),
        new(nameof(MeetingDetailsInput.Venue), "Venue", m.Venue),
        new(nameof(MeetingDetailsInput.PapersDeadline), "Papers deadline", UkDates.Short(m.PapersDeadline)),
        new("Status", "Status", m.Status.Text()),
    ];

    public async Task<IReadOnlyList<AgendaItemEditRow>> AgendaForEditAsync(int meetingId, CancellationToken ct = default) =>
        await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Order)
            .Select(a => new AgendaItemEditRow(a.Id, a.Version, a.Order, a.Number, a.Title, a.Presenter, a.PaperLink, a.Kind))
            .ToListAsync(ct);

    public async Task<SaveResult> AddAgendaItemAsync(int meetingId, AgendaItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change the agenda");
        var errors = _agendaValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return SaveResult.Missing();
        var item = meeting.AddAgendaItem(input.Number!, input.Title!, input.Presenter, input.PaperLink, input.Kind!.Value);
        db.AgendaItems.Add(item);
        return await db.SaveNewAsync(() => SaveResult.Saved(item.Id, item.Version), ct);
    }

    public async Task<SaveResult> UpdateAgendaItemAsync(int meetingId, int itemId, int loadedVersion, AgendaItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change the agenda");
        var errors = _agendaValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == itemId && a.MeetingId == meetingId, ct);
        if (item is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(item, loadedVersion, () => Values(item), () =>
        {
            item.Change(input.Number!, input.Title!, input.Presenter, input.PaperLink, input.Kind!.Value);
            return null;
        }, ct);
    }

    /// <summary>Moves an item up (by -1) or down (by 1), or removes it (by 0), from the version the clerk saw.</summary>
    public async Task<SaveResult> ReorderAgendaItemAsync(int meetingId, int itemId, int loadedVersion, int? by, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change the agenda");
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var item = meeting?.Agenda.SingleOrDefault(a => a.Id == itemId);
        if (meeting is null || item is null) return SaveResult.Missing();
        var result = await db.SaveVersionedAsync(item, loadedVersion, () => Values(item), () =>
        {
            if (by is null)
            {
                meeting.RemoveAgendaItem(item);
                db.AgendaItems.Remove(item);
            }
            else if (!meeting.MoveAgendaItem(item, by.Value))
            {
                return SaveResult.Invalid("", $"Item {item.Number} is already {(by < 0 ? "first" : "last")} on the agenda");
            }
            return null;
        }, ct);
        return result.Succeeded ? SaveResult.Saved(meeting.Id, meeting.Version) : result;
    }

    static IReadOnlyList<ConflictValue> Values(AgendaItem a) =>
    [
        new(nameof(AgendaItemInput.Number), "Item number", a.Number),
        new(nameof(AgendaItemInput.Title), "Title", a.Title),
        new(nameof(AgendaItemInput.Presenter), "Presenter", a.Presenter),
        new(nameof(AgendaItemInput.PaperLink), "Link to the paper", a.PaperLink),
        new(nameof(AgendaItemInput.Kind), "Kind", a.Kind == AgendaItemKind.Presentation ? "Presentation and discussion" : "Business"),
    ];

    /// <summary>The partnership list the clerk picks attendees from.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> PartnershipListAsync(CancellationToken ct = default) =>
        (await db.People.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.RoleTitle, Partner = p.Partner == null ? null : p.Partner.Code }).ToListAsync(ct))
        .Select(p => (p.Id, string.Join(", ", new[] { p.Name, p.RoleTitle, p.Partner }.Where(x => !string.IsNullOrWhiteSpace(x))))).ToList();

    public async Task<IReadOnlyList<AttendanceEditRow>> AttendanceForEditAsync(int meetingId, CancellationToken ct = default)
    {
        var rows = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Order).ToListAsync(ct);
        var names = rows.Where(r => r.SubstituteFor is not null).Select(r => r.SubstituteFor!).Distinct().ToList();
        // The substituted person is stored by name, as the minutes print it; find them again for the form.
        var people = await db.People.AsNoTracking().Where(p => names.Contains(p.Name)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return rows.Select(r => new AttendanceEditRow(r.Id, r.Version, r.Kind, r.PersonId, r.Name,
            people.FirstOrDefault(p => p.Name == r.SubstituteFor)?.Id, r.SubstituteFor, r.Describe())).ToList();
    }

    public Task<SaveResult> AddAttendanceAsync(int meetingId, AttendanceInput input, CancellationToken ct = default) =>
        SaveAttendanceAsync(meetingId, null, 0, input, ct);

    public Task<SaveResult> UpdateAttendanceAsync(int meetingId, int rowId, int loadedVersion, AttendanceInput input, CancellationToken ct = default) =>
        SaveAttendanceAsync(meetingId, rowId, loadedVersion, input, ct);

    async Task<SaveResult> SaveAttendanceAsync(int meetingId, int? rowId, int loadedVersion, AttendanceInput input, CancellationToken ct)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record attendance");
        var errors = _attendanceValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var meeting = await db.Meetings.Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return SaveResult.Missing();
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == input.PersonId && p.IsActive, ct);
        if (person is null) return SaveResult.Invalid(nameof(AttendanceInput.PersonId), "Select the person");
        Person? substituted = null;
        if (input.SubstituteForId is { } subId)
        {
            substituted = await db.People.SingleOrDefaultAsync(p => p.Id == subId, ct);
            if (substituted is null) return SaveResult.Invalid(nameof(AttendanceInput.SubstituteForId), "Select the person they substituted for");
        }
        var row = rowId is null ? null : meeting.Attendance.SingleOrDefault(a => a.Id == rowId);
        if (rowId is not null && row is null) return SaveResult.Missing();
        if (meeting.Attendance.Any(a => a != row && a.PersonId == person.Id))
            return SaveResult.Invalid(nameof(AttendanceInput.PersonId), $"{person.Name} is already in the attendance for this meeting");
        if (row is null)
        {
            row = meeting.AddAttendance(input.Kind!.Value, Attendance.MinutesName(person), person, substituted?.Name);
            db.Attendance.Add(row);
            return await db.SaveNewAsync(() => SaveResult.Saved(row.Id, row.Version), ct);
        }
        return await db.SaveVersionedAsync(row, loadedVersion, () => Values(row), () =>
        {
            row.Change(input.Kind!.Value, person, substituted);
            return null;
        }, ct);
    }

    public async Task<SaveResult> RemoveAttendanceAsync(int meetingId, int rowId, int loadedVersion, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record attendance");
        var meeting = await db.Meetings.Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var row = meeting?.Attendance.SingleOrDefault(a => a.Id == rowId);
        if (meeting is null || row is null) return SaveResult.Missing();
        var result = await db.SaveVersionedAsync(row, loadedVersion, () => Values(row), () =>
        {
            meeting.RemoveAttendance(row);
            db.Attendance.Remove(row);
            return null;
        }, ct);
        return result.Succeeded ? SaveResult.Saved(meeting.Id, meeting.Version) : result;
    }

    static IReadOnlyList<ConflictValue> Values(Attendance a) =>
    [
        new(nameof(AttendanceInput.Kind), "Attended as", a.Kind switch { AttendanceKind.AlsoPresent => "Also present", AttendanceKind.Apologies => "Apologies", _ => "Present" }),
        new(nameof(AttendanceInput.PersonId), "Person", a.Name),
        new(nameof(AttendanceInput.SubstituteForId), "Substitute for", a.SubstituteFor),
    ];
}
