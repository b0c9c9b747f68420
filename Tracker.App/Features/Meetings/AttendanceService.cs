using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.App.Features.Meetings;

/// <summary>Who attended a meeting, as the minutes record it: read by all, written by the clerk.</summary>
public sealed class AttendanceService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    const string NotClerk = "Only the clerk (an administrator) can record attendance";
    static readonly AttendanceInputValidator _validator = new();

    /// <summary>
    /// The partnership list the clerk picks attendees from, by surname: "Chief Inspector Ian Roberts"
    /// sorts under R, not C.
    /// </summary>
    public async Task<IReadOnlyList<PartnershipPerson>> PartnershipListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.IsActive)
            .Select(p => new { p.Id, p.Name, p.Initials, p.RoleTitle, Partner = p.Partner == null ? null : p.Partner.Code }).ToListAsync(ct);
        return people
            .Select(p => new PartnershipPerson(p.Id, p.Name,
                string.Join(", ", new[] { p.Name, p.RoleTitle, p.Partner }.Where(x => !string.IsNullOrWhiteSpace(x))), p.Initials))
            .OrderBy(p => p.Surname, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<IReadOnlyList<AttendanceEditRow>> AttendanceForEditAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Order).ToListAsync(ct);
        var names = rows.Where(r => r.SubstituteFor is not null).Select(r => r.SubstituteFor!).Distinct().ToList();
        // The substituted person is stored by name, as the minutes print it; find them again for the form.
        var people = await db.People.AsNoTracking().Where(p => names.Contains(p.Name)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return rows.Select(r => new AttendanceEditRow(r.Id, r.Version, r.Kind, r.PersonId, r.Name,
            people.FirstOrDefault(p => p.Name == r.SubstituteFor)?.Id, r.SubstituteFor, r.Describe())).ToList();
    }

    /// <summary>
    /// The register for one screen: every member of the meeting's group (by surname) with their row if
    /// recorded, then everyone else recorded: visitors, substitutes and former members.
    /// </summary>
    public async Task<AttendanceRegister?> RegisterAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var groupId = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (int?)m.GroupId).SingleOrDefaultAsync(ct);
        if (groupId is null) return null;
        var members = await MembersAsync(groupId.Value, ct);
        var rows = await AttendanceForEditAsync(meetingId, ct);
        var memberIds = members.Select(m => m.PersonId).ToHashSet();
        return new AttendanceRegister(
            members.Select(m => new MemberAttendance(m.PersonId, m.Name, m.Label, rows.FirstOrDefault(r => r.PersonId == m.PersonId))).ToList(),
            rows.Where(r => r.PersonId is not { } id || !memberIds.Contains(id)).ToList());
    }

    /// <summary>The group's members, by surname: the register and the agenda's "To: Members of the …" list.</summary>
    public async Task<IReadOnlyList<GroupMemberRow>> MembersAsync(int groupId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId && m.Person!.IsActive)
                .Select(m => new { m.PersonId, m.Person!.Name, m.Person.RoleTitle, Partner = m.Person.Partner == null ? null : m.Person.Partner.Code })
                .ToListAsync(ct))
            .Select(p => new GroupMemberRow(p.PersonId, p.Name, p.RoleTitle,
                string.Join(", ", new[] { p.Name, p.RoleTitle, p.Partner }.Where(x => !string.IsNullOrWhiteSpace(x)))))
            .OrderBy(p => p.Surname, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public Task<SaveResult> AddAttendanceAsync(int meetingId, AttendanceInput input, CancellationToken ct = default) =>
        SaveAttendanceAsync(meetingId, null, 0, input, ct);

    public Task<SaveResult> UpdateAttendanceAsync(int meetingId, int rowId, int loadedVersion, AttendanceInput input, CancellationToken ct = default) =>
        SaveAttendanceAsync(meetingId, rowId, loadedVersion, input, ct);

    async Task<SaveResult> SaveAttendanceAsync(int meetingId, int? rowId, int loadedVersion, AttendanceInput input, CancellationToken ct)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Include(m => m.Attendance).ThenInclude(a => a.Person).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
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
        if (meeting.CheckAttending(person, input.Kind!.Value, row) is { } attending) return SaveResult.Invalid(nameof(AttendanceInput.Kind), attending);
        // The member someone stands in for sent apologies (the minutes say so); refused if they are here.
        SaveResult? Substitute(Attendance? substitute)
        {
            if (substituted is null || substituted.Name == substitute?.SubstituteFor) return null;
            if (meeting.SubstituteFor(substituted, substitute, out var apologies) is { } problem)
                return SaveResult.Invalid(nameof(AttendanceInput.SubstituteForId), problem);
            if (apologies is not null) db.Attendance.Add(apologies);
            return null;
        }
        if (row is null)
        {
            if (Substitute(null) is { } refused) return refused;
            row = meeting.AddAttendance(input.Kind!.Value, Attendance.MinutesName(person), person, substituted?.Name);
            db.Attendance.Add(row);
            var added = row;
            return await db.SaveNewAsync(() => SaveResult.Saved(added.Id, added.Version), ct);
        }
        return await db.SaveVersionedAsync(row, loadedVersion, () => Values(row), () =>
        {
            if (Substitute(row) is { } refused) return refused;
            row.Change(input.Kind!.Value, person, substituted);
            return null;
        }, ct);
    }

    public async Task<SaveResult> RemoveAttendanceAsync(int meetingId, int rowId, int loadedVersion, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        await using var db = await dbs.CreateDbContextAsync(ct);
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
        new(nameof(AttendanceInput.Kind), "Attended as", AttendanceKinds.Text(a.Kind)),
        new(nameof(AttendanceInput.PersonId), "Person", a.Name),
        new(nameof(AttendanceInput.SubstituteForId), "Substitute for", a.SubstituteFor),
    ];
}
