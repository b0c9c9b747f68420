using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Meetings;

/// <summary>A Strategic Group meeting as other areas need it: when it is and when its papers are due.</summary>
public sealed record StrategicGroupMeeting(int Id, string Group, DateOnly Date, DateOnly PapersDeadline)
{
    public string Title => $"{Group} on {UkDates.Long(Date)}";
}

/// <summary>
/// The Strategic Group's meetings, for the areas that work to its cycle: strategy updates are due by
/// the next meeting's papers deadline, and risks' direction of travel is measured since the last one.
/// </summary>
public sealed class StrategicGroupCalendar(IDbContextFactory<TrackerDbContext> dbs)
{
    static IQueryable<Meeting> Strategic(TrackerDbContext db) => db.Meetings.AsNoTracking().Where(m => m.Group!.Kind == GroupKind.StrategicGroup);

    // One context per question. Filter and order on the entity; project last, so EF can translate the query.
    async Task<StrategicGroupMeeting?> FirstAsync(Func<IQueryable<Meeting>, IQueryable<Meeting>> query, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await query(Strategic(db)).Select(m => new StrategicGroupMeeting(m.Id, m.Group!.ShortName, m.Date, m.PapersDeadline)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The latest meeting strictly before <paramref name="before"/>.</summary>
    public Task<StrategicGroupMeeting?> LastBeforeAsync(DateOnly before, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date < before).OrderByDescending(m => m.Date), ct);

    /// <summary>A meeting held on exactly this date, if any (to name a chosen comparison date).</summary>
    public Task<StrategicGroupMeeting?> OnAsync(DateOnly date, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date == date).OrderBy(m => m.Id), ct);

    /// <summary>
    /// The meeting the leads are working to now: the first Strategic Group meeting from today not yet
    /// held. It stays so after its papers deadline, until the day after the meeting (updates then are late).
    /// </summary>
    public Task<StrategicGroupMeeting?> UnderReviewAsync(DateOnly today, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date >= today && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished))
            .OrderBy(m => m.Date).ThenBy(m => m.Id), ct);

    /// <summary>The first meeting that reviews <paramref name="quarter"/>: its papers deadline falls in the quarter after it.</summary>
    public Task<StrategicGroupMeeting?> ReviewingAsync(FinancialQuarter quarter, CancellationToken ct = default)
    {
        var (from, until) = (quarter.Next.Start, quarter.Next.End);
        return FirstAsync(q => q.Where(m => m.PapersDeadline >= from && m.PapersDeadline <= until).OrderBy(m => m.Date).ThenBy(m => m.Id), ct);
    }
}
