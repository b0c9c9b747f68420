using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.App.Live;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Meetings;

/// <summary>A Strategic Group meeting as other areas need it: when it is, when its papers are due, and whether it is still to be held (scheduled or papers published).</summary>
public sealed record StrategicGroupMeeting(int Id, string Group, DateOnly Date, DateOnly PapersDeadline, bool IsOpen = true)
{
    public string Title => $"{Group} on {UkDates.Long(Date)}";
}

/// <summary>
/// The Strategic Group's meetings, for the areas that work to its cycle: strategy updates are due by
/// the next meeting's papers deadline, and risks' direction of travel is measured since the last one.
/// Answered from <see cref="StrategicGroupMeetingsCache"/> in the app (the register and the dashboard
/// ask on every request).
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

    // The group meets a few times a year: every question is answered from the whole list, held in the
    // cache in the app (one query per version of the data), or read afresh when a test builds the
    // calendar without one.
    async Task<IReadOnlyList<StrategicGroupMeeting>> AllAsync(CancellationToken ct) =>
        cache is null ? await LoadAllAsync(ct) : await cache.GetAsync(LoadAllAsync, ct);

    /// <summary>The latest meeting strictly before <paramref name="before"/>.</summary>
    public async Task<StrategicGroupMeeting?> LastBeforeAsync(DateOnly before, CancellationToken ct = default) =>
        (await AllAsync(ct)).LastOrDefault(m => m.Date < before);

    /// <summary>A meeting held on exactly this date, if any (to name a chosen comparison date).</summary>
    public async Task<StrategicGroupMeeting?> OnAsync(DateOnly date, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(m => m.Date == date);

    /// <summary>
    /// The meeting the leads are working to now: the first Strategic Group meeting from today not yet
    /// held. It stays so after its papers deadline, until the day after the meeting (updates then are late).
    /// </summary>
    public async Task<StrategicGroupMeeting?> UnderReviewAsync(DateOnly today, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(m => m.Date >= today && m.IsOpen);

    /// <summary>The first meeting that reviews <paramref name="quarter"/>: its papers deadline falls in the quarter after it.</summary>
    public async Task<StrategicGroupMeeting?> ReviewingAsync(FinancialQuarter quarter, CancellationToken ct = default)
    {
        var (from, until) = (quarter.Next.Start, quarter.Next.End);
        return (await AllAsync(ct)).FirstOrDefault(m => m.PapersDeadline >= from && m.PapersDeadline <= until);
    }
}

/// <summary>
/// The Strategic Group's meetings in memory (see <see cref="CommittedDataCache{T}"/>): asked on every
/// request of the register and the dashboard. Meetings are the "meeting" area; which group is the
/// Strategic Group, and its name, the "people" area.
/// </summary>
public sealed class StrategicGroupMeetingsCache(ChangeFeed feed)
    : CommittedDataCache<IReadOnlyList<StrategicGroupMeeting>>(feed, MeetingTopics.MeetingArea, "people");
