using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings.Papers;

/// <summary>
/// A meeting's minutes as they stood at the end of a day in London (the next meeting's papers deadline),
/// for the pack's "minutes of the previous meeting". Minutes are edited in place, so the dated record is
/// the audit trail (<see cref="AuditRewind"/>): items and resolutions recorded after the day are left
/// out, those changed after it (a draft edit or a correction) read as they did, those removed after it
/// are put back; so is the attendance. Corrections made after the day are not listed (their <see cref="MinuteCorrection.CorrectedAt"/>),
/// and minutes agreed after it are not shown as agreed (the meeting's status in the audit trail).
/// </summary>
public sealed class MinutesAsAt(MinutesService minuteBook, IDbContextFactory<TrackerDbContext> dbs)
{
    /// <summary>The minutes now, or as at the end of <paramref name="asAt"/> when given. Null if there is no such meeting.</summary>
    public async Task<MinutesView?> GetAsync(int meetingId, DateOnly? asAt, CancellationToken ct = default)
    {
        if (await minuteBook.GetMinutesAsync(meetingId, ct) is not { } live) return null;
        if (asAt is not { } day) return live;
        var cutOff = UkDates.EndOfDay(day);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var itemsLog = await AuditRewind.ReadAsync(db, nameof(MinuteItem), cutOff, ct);
        var resolutionsLog = await AuditRewind.ReadAsync(db, nameof(Resolution), cutOff, ct);
        var meetingLog = await AuditRewind.ReadAsync(db, nameof(Meeting), cutOff, ct);

        var removedResolutions = resolutionsLog.Deleted()
            .Select(d => (ItemId: d.Values.Int(nameof(Resolution.MinuteItemId), 0), Order: d.Values.Int(nameof(Resolution.Order), 0),
                View: new ResolutionView(d.Id, d.Values.Text(nameof(Resolution.Text), ""), d.Values.Text(nameof(Resolution.Owners), ""),
                    d.Values.Bool(nameof(Resolution.NeedsAction), false), null)))
            .ToList();
        List<ResolutionView> Resolutions(int itemId, IEnumerable<ResolutionView> now) =>
            now.Where(r => !resolutionsLog.AddedAfter(r.Id))
                .Select(r => resolutionsLog.Changed(r.Id) is not { } was ? r : r with
                {
                    Text = was.Text(nameof(Resolution.Text), r.Text), Owners = was.Text(nameof(Resolution.Owners), r.Owners),
                    NeedsAction = was.Bool(nameof(Resolution.NeedsAction), r.NeedsAction),
                })
                .Concat(removedResolutions.Where(d => d.ItemId == itemId).OrderBy(d => d.Order).Select(d => d.View))
                .ToList();
        List<CorrectionView> Corrections(IEnumerable<CorrectionView> now) => now.Where(c => c.CorrectedAt < cutOff).ToList();

        var items = live.Items.Where(i => !itemsLog.AddedAfter(i.Id))
            .Select(i =>
            {
                var was = itemsLog.Changed(i.Id);
                var number = was is null ? i.Number : Number(was, i.Number);
                return i with
                {
                    Number = number, Title = was?.Text(nameof(MinuteItem.Title), i.Title) ?? i.Title, Text = was?.Text(nameof(MinuteItem.Text), i.Text) ?? i.Text,
                    Resolutions = Resolutions(i.Id, i.Resolutions), Corrections = Corrections(i.Corrections),
                };
            })
            .Concat(itemsLog.Deleted().Where(d => d.Values.Int(nameof(MinuteItem.MeetingId), 0) == meetingId)
                .Select(d => new MinuteItemView(d.Id, Number(d.Values, "0"), d.Values.Text(nameof(MinuteItem.Title), ""), d.Values.Text(nameof(MinuteItem.Text), ""),
                    Resolutions(d.Id, []))))
            .OrderBy(i => MinuteNumber.TryParse(i.Number, out var n) ? n : default)
            .ToList();

        // Who attended, as the register stood then (it is edited in place too).
        var attendanceLog = await AuditRewind.ReadAsync(db, nameof(Attendance), cutOff, ct);
        var attendanceThen = (await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct))
            .Where(a => !attendanceLog.AddedAfter(a.Id))
            .Select(a => attendanceLog.Changed(a.Id) is not { } was ? a : Then(was, a.Id, a))
            .Concat(attendanceLog.Deleted().Where(d => d.Values.Int(nameof(Attendance.MeetingId), 0) == meetingId).Select(d => Then(d.Values, d.Id, null)))
            .OrderBy(a => a.Order).ThenBy(a => a.Id).ToList();
        // The people, for the apologies line that names a member's substitute ("…; Conal Percy attended as substitute").
        var personIds = attendanceThen.Select(a => a.PersonId).OfType<int>().Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var row in attendanceThen)
            row.Person = row.PersonId is int id && people.TryGetValue(id, out var person) ? person : null;
        var attendance = attendanceThen.Zip(Attendance.Describe(attendanceThen), (a, text) => new AttendanceRow(a.Kind, a.Name, a.SubstituteFor, text)).ToList();

        // Agreed as a correct record only if agreed by the end of the day.
        var statusThen = meetingLog.Changed(meetingId)?.Enum(nameof(Meeting.Status), live.Meeting.Status) ?? live.Meeting.Status;
        var agreed = live.Agreed is { } a && statusThen == MeetingStatus.MinutesApproved && (a.RecordedAt is not { } at || at < cutOff) ? a : null;
        return live with { Items = items, Agreed = agreed, Meeting = live.Meeting with { Status = statusThen }, Attendance = attendance };
    }

    static Attendance Then(AuditValues was, int id, Attendance? now) => new()
    {
        Id = id,
        MeetingId = was.Int(nameof(Attendance.MeetingId), now?.MeetingId ?? 0),
        Order = was.Int(nameof(Attendance.Order), now?.Order ?? 0),
        Kind = was.Enum(nameof(Attendance.Kind), now?.Kind ?? AttendanceKind.Present),
        Name = was.Text(nameof(Attendance.Name), now?.Name ?? ""),
        SubstituteFor = was.TextOrNull(nameof(Attendance.SubstituteFor), now?.SubstituteFor),
        PersonId = was.IntOrNull(nameof(Attendance.PersonId), now?.PersonId),
    };

    static string Number(AuditValues was, string current)
    {
        MinuteNumber.TryParse(current, out var now);
        return new MinuteNumber(was.Int(nameof(MinuteItem.Number), now.Number), was.Text(nameof(MinuteItem.Suffix), now.Suffix ?? "")).ToString();
    }
}
