using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.App.Live;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Meetings;

/// <summary>A Strategic Group meeting as other areas need it: when it is and when its papers are due.</summary>
public sealed record StrategicGroupMeeting(int Id, string Group, DateOnly Date, DateOnly PapersDeadline, bool IsOpen = true)
{
    public string Title => $"{Group} on {UkDates.Long(Date)}";
}

/// <summary>
/// The Strategic Group's meetings, for the areas that work to its cycle: strategy updates are due by
/// the next meeting's papers deadline, and risks' direction of travel is measured since the last one.
/// Answered from <see cref="StrategicGroupMeetingsCache"/> when the app has one (the register and the
/// dashboard ask on every request); a calendar built by hand in a test asks the database.
/// </summary>
public sealed class StrategicGroupCalendar(IDbContextFactory<TrackerDbContext> dbs, StrategicGroupMeetingsCache? cache = null)
{
    static IQueryable<Meeting> Strategic(TrackerDbContext db) => db.Meetings.AsNoTracking().Where(m => m.Group!.Kind == GroupKind.StrategicGroup);

    /// <summary>Every Strategic Group meeting, by date (then id), for the cache.</summary>
    async Task<IReadOnlyList<StrategicGroupMeeting>> LoadAllAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Strategic(db).OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new StrategicGroupMeeting(m.Id, m.Group!.ShortName, m.Date, m.PapersDeadline,
                m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished)).ToListAsync(ct);
    }

    // One context per question. Filter and order on the entity; project last, so EF can translate the query.
    async Task<StrategicGroupMeeting?> FirstAsync(Func<IQueryable<Meeting>, IQueryable<Meeting>> query,
        Func<IReadOnlyList<StrategicGroupMeeting>, StrategicGroupMeeting?> inMemory, CancellationToken ct)
    {
        if (cache is not null) return inMemory(await cache.GetAsync(LoadAllAsync, ct));
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await query(Strategic(db)).Select(m => new StrategicGroupMeeting(m.Id, m.Group!.ShortName, m.Date, m.PapersDeadline,
                m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The latest meeting strictly before <paramref name="before"/>.</summary>
    public Task<StrategicGroupMeeting?> LastBeforeAsync(DateOnly before, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date < before).OrderByDescending(m => m.Date),
            all => all.LastOrDefault(m => m.Date < before), ct);

    /// <summary>A meeting held on exactly this date, if any (to name a chosen comparison date).</summary>
    public Task<StrategicGroupMeeting?> OnAsync(DateOnly date, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date == date).OrderBy(m => m.Id), all => all.FirstOrDefault(m => m.Date == date), ct);

    /// <summary>
    /// The meeting the leads are working to now: the first Strategic Group meeting from today not yet
    /// held. It stays so after its papers deadline, until the day after the meeting (updates then are late).
    /// </summary>
    public Task<StrategicGroupMeeting?> UnderReviewAsync(DateOnly today, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date >= today && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished))
            .OrderBy(m => m.Date).ThenBy(m => m.Id), all => all.FirstOrDefault(m => m.Date >= today && m.IsOpen), ct);

    /// <summary>The first meeting that reviews <paramref name="quarter"/>: its papers deadline falls in the quarter after it.</summary>
    public Task<StrategicGroupMeeting?> ReviewingAsync(FinancialQuarter quarter, CancellationToken ct = default)
    {
        var (from, until) = (quarter.Next.Start, quarter.Next.End);
        return FirstAsync(q => q.Where(m => m.PapersDeadline >= from && m.PapersDeadline <= until).OrderBy(m => m.Date).ThenBy(m => m.Id),
            all => all.FirstOrDefault(m => m.PapersDeadline >= from && m.PapersDeadline <= until), ct);
    }
}

/// <summary>
/// The Strategic Group's meetings in memory (see <see cref="CommittedDataCache{T}"/>): asked on every
/// request of the register and the dashboard. Meetings are the "meeting" area; which group is the
/// Strategic Group, and its name, the "people" area.
/// </summary>
public sealed class StrategicGroupMeetingsCache(ChangeFeed feed)
    : CommittedDataCache<IReadOnlyList<StrategicGroupMeeting>>(feed, MeetingTopics.MeetingArea, "people");
