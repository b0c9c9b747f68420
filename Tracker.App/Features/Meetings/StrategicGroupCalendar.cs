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

    /// <summary>The first meeting on or after <paramref name="from"/> (and no later than <paramref name="until"/> when given).</summary>
    public Task<StrategicGroupMeeting?> NextOnOrAfterAsync(DateOnly from, DateOnly? until = null, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date >= from && (until == null || m.Date <= until)).OrderBy(m => m.Date), ct);

    /// <summary>The latest meeting strictly before <paramref name="before"/>.</summary>
    public Task<StrategicGroupMeeting?> LastBeforeAsync(DateOnly before, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date < before).OrderByDescending(m => m.Date), ct);

    /// <summary>A meeting held on exactly this date, if any (to name a chosen comparison date).</summary>
    public Task<StrategicGroupMeeting?> OnAsync(DateOnly date, CancellationToken ct = default) =>
        FirstAsync(q => q.Where(m => m.Date == date).OrderBy(m => m.Id), ct);

    /// <summary>
    /// The quarter a meeting reviews: the latest financial quarter complete before the meeting date
    /// (the quarter the meeting falls in is still under way).
    /// </summary>
    public static FinancialQuarter QuarterReviewedAt(DateOnly meetingDate) => FinancialQuarter.Containing(meetingDate).Previous;
}
