using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// A meeting's minutes: numbered items continuing the group's series, and resolutions, of which those
/// that need action become matters arising. Read by all; written by the clerk. Once the minutes are
/// agreed as a correct record, an item or resolution added needs a reason and is kept as a correction;
/// an added item is numbered after the meeting's items, and no agreed minute is renumbered.
/// </summary>
public sealed class MinutesService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    static readonly MinuteItemInputValidator _itemValidator = new();
    static readonly ResolutionInputValidator _resolutionValidator = new();

    public async Task<MinutesView?> GetMinutesAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var header = await MeetingQueries.HeaderAsync(db, meetingId, ct);
        if (header is null) return null;
        var items = await db.MinuteItems.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .Include(i => i.Resolutions)
            .ToListAsync(ct);
        var resolutionIds = items.SelectMany(i => i.Resolutions).Select(r => r.Id).ToList();
        var matters = await db.MattersArising.AsNoTracking().Where(m => m.ResolutionId != null && resolutionIds.Contains(m.ResolutionId.Value))
            .Select(m => new { m.Id, m.ResolutionId }).ToListAsync(ct);
        var corrections = (await db.MinuteCorrections.AsNoTracking().Where(c => c.MeetingId == meetingId).ToListAsync(ct))
            .OrderBy(c => c.CorrectedAt).ThenBy(c => c.Id).ToList();
        var views = items.OrderBy(i => i.MinuteNumber)
            .Select(i => new MinuteItemView(i.Id, i.MinuteNumber.ToString(), i.Title, i.Text,
                i.Resolutions.OrderBy(r => r.Order)
                    .Select(r => new ResolutionView(r.Id, r.Text, r.Owners, r.NeedsAction, matters.FirstOrDefault(m => m.ResolutionId == r.Id)?.Id, r.Version))
                    .ToList(), i.Version,
                corrections.Where(c => c.MinuteItemId == i.Id)
                    .Select(c => new CorrectionView(c.Field, c.Before, c.After, c.Reason, c.CorrectedBy, c.CorrectedAt)).ToList()))
            .ToList();
        var agreed = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.Status == MeetingStatus.MinutesApproved)
            .Select(m => new MinutesAgreedView(m.MinutesAgreedAtMeetingId, m.MinutesAgreedAtMeeting == null ? null : m.MinutesAgreedAtMeeting.Date,
                m.MinutesAgreedMinute, m.MinutesAgreedCorrections, m.MinutesAgreedRecordedBy, m.MinutesAgreedRecordedAt))
            .SingleOrDefaultAsync(ct);
        // The minutes open with who attended, as the source minutes do.
        var rows = await db.Attendance.AsNoTracking().Include(a => a.Person).Where(a => a.MeetingId == meetingId).OrderBy(a => a.Order).ToListAsync(ct);
        var attendance = rows.Zip(Attendance.Describe(rows), (a, text) => new AttendanceRow(a.Kind, a.Name, a.SubstituteFor, text)).ToList();
        return new MinutesView(header, views, (await NextNumberAsync(db, header, ct)).ToString(), attendance, agreed);
    }

    /// <summary>
    /// The suggested number for a new item of this meeting: the last number of the series so far
    /// (this meeting's items, else the latest earlier meeting's) plus one, or the restart number; once
    /// the minutes are agreed, the next number after this meeting's items (<see cref="MinuteNumbering.NextAddition"/>).
    /// </summary>
    static async Task<MinuteNumber> NextNumberAsync(TrackerDbContext db, MeetingHeader meeting, CancellationToken ct)
    {
        var used = await MeetingQueries.UsedNumbersAsync(db, meeting.GroupId, meeting.MinuteSeries, ct);
        if (meeting.Status == MeetingStatus.MinutesApproved)
            return MinuteNumbering.NextAddition(await MeetingNumbersAsync(db, meeting.Id, ct), used);
        return MinuteNumbering.Next(used, used.Count == 0 ? meeting.MinutesStartAt : null);
    }

    static async Task<List<MinuteNumber>> MeetingNumbersAsync(TrackerDbContext db, int meetingId, CancellationToken ct) =>
        (await db.MinuteItems.AsNoTracking().Where(i => i.MeetingId == meetingId).Select(i => new { i.Number, i.Suffix }).ToListAsync(ct))
        .Select(i => new MinuteNumber(i.Number, i.Suffix)).ToList();

    /// <summary>Everyone an owner may name, for parsing the action column.</summary>
    public async Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await MeetingQueries.KnownPeopleAsync(db, ct);
    }

    public async Task<SaveResult> AddMinuteItemAsync(int meetingId, MinuteItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record minutes");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return SaveResult.Missing();
        var errors = _itemValidator.Check(input).ToList();
        MinuteNumber number = default;
        if (errors.All(e => e.Field != nameof(MinuteItemInput.Number)) && MinuteNumber.TryParse(input.Number, out number))
        {
            var used = await MeetingQueries.UsedNumbersAsync(db, meeting.GroupId, meeting.MinuteSeries, ct);
            var problem = meeting.MinutesAgreed
                ? MinuteNumbering.CheckAddition(number, await MeetingNumbersAsync(db, meetingId, ct), used)
                : MinuteNumbering.Check(number, used);
            if (problem is not null) errors.Add(new FieldError(nameof(MinuteItemInput.Number), problem));
        }
        errors.AddRange(CorrectionReason.Check(input.Reason, meeting.MinutesAgreed));
        var hasResolution = !string.IsNullOrWhiteSpace(input.Resolution);
        OwnerParseResult? owners = null;
        if (hasResolution && !string.IsNullOrWhiteSpace(input.Owners))
        {
            owners = ActionOwners.Parse(input.Owners, await MeetingQueries.KnownPeopleAsync(db, ct));
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
        if (meeting.MinutesAgreed)
        {
            db.MinuteCorrections.Add(MinuteCorrection.Added(item, null, input.Reason!, user.DisplayName, clock.GetUtcNow()));
            db.AuditReason = $"Addition to agreed minutes: {input.Reason!.Trim()}";
        }
        // Two clerks numbering the same minute at once: the unique index decides.
        return await db.SaveNewAsync(() => SaveResult.Saved(item.Id, item.Version), ct,
            new UniqueRule("MinuteItems.GroupId", nameof(MinuteItemInput.Number), $"Minute {input.Number?.Trim()} has just been recorded by someone else: use the next number"));
    }

    public async Task<SaveResult> AddResolutionAsync(int minuteItemId, ResolutionInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record resolutions");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.MinuteItems.Include(i => i.Meeting).Include(i => i.Resolutions).SingleOrDefaultAsync(i => i.Id == minuteItemId, ct);
        if (item is null) return SaveResult.Missing();
        var agreed = item.Meeting!.MinutesAgreed;
        var errors = _resolutionValidator.Check(input).Concat(CorrectionReason.Check(input.Reason, agreed)).ToList();
        OwnerParseResult owners = new([], null);
        if (!string.IsNullOrWhiteSpace(input.Owners))
        {
            owners = ActionOwners.Parse(input.Owners, await MeetingQueries.KnownPeopleAsync(db, ct));
            if (owners.Error is { } ownerError) errors.Add(new FieldError(nameof(ResolutionInput.Owners), ownerError));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var (resolution, matter) = item.Resolve(input.Text!, owners, input.NeedsAction);
        if (matter is not null) db.MattersArising.Add(matter);
        if (!agreed) return await db.SaveNewAsync(() => SaveResult.Saved(resolution.Id, resolution.Version), ct);

        // Added to agreed minutes: kept as a correction naming the resolution, so saved in two steps in one transaction.
        db.AuditReason = $"Addition to agreed minutes: {input.Reason!.Trim()}";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.SaveNewAsync(() => SaveResult.Saved(resolution.Id, resolution.Version), ct);
        if (!first.Succeeded) return first;
        db.MinuteCorrections.Add(MinuteCorrection.Added(item, resolution, input.Reason!, user.DisplayName, clock.GetUtcNow()));
        // Each save's audit rows carry the reason (the audit clears it after a save).
        db.AuditReason = $"Addition to agreed minutes: {input.Reason!.Trim()}";
        var second = await db.SaveNewAsync(() => SaveResult.Saved(resolution.Id, resolution.Version), ct);
        if (second.Succeeded) await tx.CommitAsync(ct);
        return second;
    }
}
