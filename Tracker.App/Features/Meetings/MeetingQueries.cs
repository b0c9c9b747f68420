using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>Reads the meetings services share, each on the caller's context (one context per operation).</summary>
static class MeetingQueries
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    public static Task<MeetingHeader?> HeaderAsync(TrackerDbContext db, int id, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MeetingHeader(m.Id, m.Version, m.GroupId, m.Group!.ShortName, m.Group.Kind, m.Date, m.StartTime, m.Venue, m.Status,
                m.PapersDeadline, m.MinuteSeries, m.MinutesStartAt))
            .SingleOrDefaultAsync(ct);

    public static async Task<List<MinuteNumber>> UsedNumbersAsync(TrackerDbContext db, int groupId, int series, CancellationToken ct) =>
        (await db.MinuteItems.AsNoTracking().Where(i => i.GroupId == groupId && i.Series == series)
            .Select(i => new { i.Number, i.Suffix }).ToListAsync(ct))
        .Select(i => new MinuteNumber(i.Number, i.Suffix)).ToList();

    /// <summary>Everyone an owner may name, for parsing the action column.</summary>
    public static async Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(TrackerDbContext db, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new KnownPerson(p.Id, p.Initials, p.Name)).ToListAsync(ct);

    public static Task<DateOnly?> LastMeetingBeforeAsync(TrackerDbContext db, int groupId, DateOnly before, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId && m.Date < before).OrderByDescending(m => m.Date)
            .Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The agenda a new meeting of the group on <paramref name="date"/> starts with: from the previous
    /// meeting's agenda, the group's standing items and its sub-groups (see <see cref="AgendaPlan"/>).
    /// </summary>
    public static async Task<IReadOnlyList<PlannedAgendaItem>> PlanAgendaAsync(TrackerDbContext db, int groupId, DateOnly date, CancellationToken ct)
    {
        var previous = await db.Meetings.AsNoTracking().Include(m => m.Agenda)
            .Where(m => m.GroupId == groupId && m.Date < date).OrderByDescending(m => m.Date).FirstOrDefaultAsync(ct);
        var standing = await db.StandingItems.AsNoTracking().Where(s => s.GroupId == groupId).OrderBy(s => s.Order).ToListAsync(ct);
        var subGroups = (await db.Groups.AsNoTracking().Where(g => g.ParentGroupId == groupId).OrderBy(g => g.Name)
                .Select(g => new { g.ShortName, Lead = g.Members.Where(m => m.IsLead).Select(m => m.Person!.Name).FirstOrDefault() })
                .ToListAsync(ct))
            .Select(g => new ReportingSubGroup(g.ShortName, g.Lead ?? "")).ToList();
        return AgendaPlan.For(previous?.Date, previous?.Agenda ?? [], standing, subGroups);
    }
}
