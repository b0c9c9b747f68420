using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// Correcting, reordering and removing minutes, and recording that they were agreed as a correct
/// record. Until agreed the clerk edits the draft freely (numbers as <see cref="MinuteReordering"/>
/// describes); once agreed, numbers are fixed, nothing is removed, and a change of wording needs a
/// reason and is kept as a <see cref="MinuteCorrection"/>. Written by the clerk only.
/// </summary>
public sealed class MinuteCorrectionsService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    const string ClerkOnly = "Only the clerk (an administrator) can correct minutes";
    const string Fixed = "These minutes have been agreed as a correct record: their items can be corrected, but not moved or removed";
    static readonly MinuteItemChangeInputValidator _itemValidator = new();
    static readonly ResolutionChangeInputValidator _resolutionValidator = new();
    static readonly MinutesAgreedInputValidator _agreedValidator = new();

    public async Task<SaveResult> ChangeItemAsync(int itemId, int loadedVersion, MinuteItemChangeInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(ClerkOnly);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.MinuteItems.Include(i => i.Meeting).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return SaveResult.Missing();
        var errors = _itemValidator.Check(input).Concat(CorrectionReason.Check(input.Reason, item.Meeting!.MinutesAgreed)).ToList();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var matters = await db.MattersArising.Where(m => m.Resolution != null && m.Resolution.MinuteItemId == item.Id).ToListAsync(ct);
        return await db.SaveVersionedAsync(item, loadedVersion, () => ItemValues(item), () =>
        {
            var corrections = item.Correct(input.Title!, input.Text, input.Reason, user.DisplayName, clock.GetUtcNow());
            db.MinuteCorrections.AddRange(corrections);
            if (corrections.Count > 0) db.AuditReason = $"Correction of agreed minutes: {input.Reason!.Trim()}";
            // The log reads as the minutes do.
            foreach (var matter in matters) matter.Title = item.Title;
            return null;
        }, ct);
    }

    public async Task<SaveResult> ChangeResolutionAsync(int resolutionId, int loadedVersion, ResolutionChangeInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(ClerkOnly);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var resolution = await db.Resolutions.Include(r => r.MinuteItem).ThenInclude(i => i!.Meeting).SingleOrDefaultAsync(r => r.Id == resolutionId, ct);
        if (resolution is null) return SaveResult.Missing();
        var errors = _resolutionValidator.Check(input).Concat(CorrectionReason.Check(input.Reason, resolution.MinuteItem!.Meeting!.MinutesAgreed)).ToList();
        OwnerParseResult owners = new([], null);
        if (!string.IsNullOrWhiteSpace(input.Owners))
        {
            owners = ActionOwners.Parse(input.Owners, await MeetingQueries.KnownPeopleAsync(db, ct));
            if (owners.Error is { } ownerError) errors.Add(new FieldError(nameof(ResolutionChangeInput.Owners), ownerError));
        }
        else if (resolution.NeedsAction)
            errors.Add(new FieldError(nameof(ResolutionChangeInput.Owners), "Enter who owns the action, for example AM/RV, SBP or All Partners"));
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var matters = await db.MattersArising.Where(m => m.ResolutionId == resolution.Id).ToListAsync(ct);
        return await db.SaveVersionedAsync(resolution, loadedVersion, () => ResolutionValues(resolution), () =>
        {
            var corrections = resolution.Correct(input.Text!, owners, input.Reason, user.DisplayName, clock.GetUtcNow());
            db.MinuteCorrections.AddRange(corrections);
            if (corrections.Count > 0) db.AuditReason = $"Correction of agreed minutes: {input.Reason!.Trim()}";
            foreach (var matter in matters)
            {
                matter.ResolutionText = resolution.Text;
                matter.Owners = resolution.Owners;
            }
            return null;
        }, ct);
    }

    /// <summary>Moves an item (with its sub-items) or a sub-item one place up (-1) or down (+1), renumbering as <see cref="MinuteReordering.Move"/>.</summary>
    public Task<SaveResult> MoveItemAsync(int itemId, int by, CancellationToken ct = default) =>
        ReorderAsync(itemId, (items, item) =>
        {
            var changes = MinuteReordering.Move(items.Select(i => i.MinuteNumber).ToList(), item.MinuteNumber, by);
            return changes.Count == 0 ? (null, SaveResult.Invalid("", $"Minute {item.MinuteNumber} is already {(by < 0 ? "first" : "last")}")) : (changes, null);
        }, ct);

    /// <summary>
    /// Moves an item (with its sub-items) or a sub-item to where another item is, as a drag drops it:
    /// the same as moving it one place at a time (<see cref="MinuteReordering.MoveTo"/>).
    /// </summary>
    public Task<SaveResult> MoveItemToAsync(int itemId, int targetItemId, CancellationToken ct = default) =>
        ReorderAsync(itemId, (items, item) =>
        {
            if (items.SingleOrDefault(i => i.Id == targetItemId) is not { } target) return (null, SaveResult.Invalid("", "That is not a place in these minutes"));
            var changes = MinuteReordering.MoveTo(items.Select(i => i.MinuteNumber).ToList(), item.MinuteNumber, target.MinuteNumber);
            if (changes is null) return (null, SaveResult.Invalid("", $"Minute {item.MinuteNumber} is a sub-item: it moves only among the sub-items of minute {item.Number}"));
            return changes.Count == 0 ? (null, SaveResult.Saved(item.Id, item.Version)) : (changes, null);
        }, ct);

    // Both moves: the clerk only, draft minutes only; plan the renumbering over the meeting's items
    // (or answer without saving), then save it.
    async Task<SaveResult> ReorderAsync(int itemId,
        Func<List<MinuteItem>, MinuteItem, (IReadOnlyDictionary<MinuteNumber, MinuteNumber>? Changes, SaveResult? Answer)> plan, CancellationToken ct)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(ClerkOnly);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.MinuteItems.Include(i => i.Meeting).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return SaveResult.Missing();
        if (item.Meeting!.MinutesAgreed) return SaveResult.Invalid("", Fixed);
        var items = await db.MinuteItems.Where(i => i.MeetingId == item.MeetingId).ToListAsync(ct);
        var (changes, answer) = plan(items, item);
        if (changes is null) return answer!;
        return await RenumberAsync(db, items, changes, () => SaveResult.Saved(item.Id, item.Version), ct);
    }

    /// <summary>Removes an item of draft minutes with its resolutions, and closes up the numbers after it.</summary>
    public async Task<SaveResult> RemoveItemAsync(int itemId, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(ClerkOnly);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.MinuteItems.Include(i => i.Meeting).Include(i => i.Resolutions).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return SaveResult.Missing();
        if (item.Meeting!.MinutesAgreed) return SaveResult.Invalid("", Fixed);
        var items = await db.MinuteItems.Where(i => i.MeetingId == item.MeetingId).ToListAsync(ct);
        var numbers = items.Select(i => i.MinuteNumber).ToList();
        if (MinuteReordering.CheckRemove(numbers, item.MinuteNumber) is { } problem) return SaveResult.Invalid("", problem);
        var resolutionIds = item.Resolutions.Select(r => r.Id).ToList();
        if (await RemoveMattersAsync(db, resolutionIds, $"minute {item.MinuteNumber}", ct) is { } refused) return refused;
        db.Resolutions.RemoveRange(item.Resolutions);
        db.MinuteItems.Remove(item);
        items.Remove(item);
        var changes = MinuteReordering.Remove(numbers, item.MinuteNumber);
        return await RenumberAsync(db, items, changes, () => SaveResult.Saved(itemId, 0), ct);
    }

    /// <summary>Removes a resolution of draft minutes (and the matter arising it raised, if nothing has been reported on it).</summary>
    public async Task<SaveResult> RemoveResolutionAsync(int resolutionId, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(ClerkOnly);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var resolution = await db.Resolutions.Include(r => r.MinuteItem).ThenInclude(i => i!.Meeting).SingleOrDefaultAsync(r => r.Id == resolutionId, ct);
        if (resolution is null) return SaveResult.Missing();
        if (resolution.MinuteItem!.Meeting!.MinutesAgreed) return SaveResult.Invalid("", "These minutes have been agreed as a correct record: a resolution can be corrected, but not removed");
        if (await RemoveMattersAsync(db, [resolution.Id], "this resolution", ct) is { } refused) return refused;
        db.Resolutions.Remove(resolution);
        var order = 0;
        foreach (var r in await db.Resolutions.Where(r => r.MinuteItemId == resolution.MinuteItemId && r.Id != resolution.Id).OrderBy(r => r.Order).ToListAsync(ct))
        {
            order++;
            if (r.Order != order) r.Order = order;
        }
        // The minute item changed: everyone viewing the minutes is told.
        db.Entry(resolution.MinuteItem).State = EntityState.Modified;
        return await db.SaveNewAsync(() => SaveResult.Saved(resolutionId, 0), ct);
    }

    /// <summary>The later meetings of the group at which the minutes could have been agreed, soonest first.</summary>
    public async Task<IReadOnlyList<MeetingRow>> AgreedAtOptionsAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.GroupId, m.Date }).SingleOrDefaultAsync(ct);
        if (meeting is null) return [];
        return await db.Meetings.AsNoTracking().Where(m => m.GroupId == meeting.GroupId && m.Date > meeting.Date).OrderBy(m => m.Date)
            .Select(m => new MeetingRow(m.Id, m.GroupId, m.Group!.ShortName, m.Date, m.StartTime, m.Venue, m.Status, 0))
            .ToListAsync(ct);
    }

    /// <summary>Records that the minutes were agreed as a correct record at a later meeting, with any corrections minuted there.</summary>
    public async Task<SaveResult> RecordAgreedAsync(int meetingId, int loadedVersion, MinutesAgreedInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record that the minutes were agreed");
        var errors = _agreedValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return SaveResult.Missing();
        var at = await db.Meetings.SingleOrDefaultAsync(m => m.Id == input.AgreedAtMeetingId, ct);
        if (at is null) return SaveResult.Invalid(nameof(MinutesAgreedInput.AgreedAtMeetingId), "Select the meeting at which the minutes were agreed");
        return await db.SaveVersionedAsync(meeting, loadedVersion, () => [new("Status", "Status", meeting.Status.Text())], () =>
            meeting.RecordMinutesAgreed(at, MinuteNumber.TryParse(input.Minute, out var n) ? n.ToString() : null, input.Corrections, user.DisplayName, clock.GetUtcNow()) is { } problem
                ? SaveResult.Invalid(problem.StartsWith("Select", StringComparison.Ordinal) ? nameof(MinutesAgreedInput.AgreedAtMeetingId) : "", problem)
                : null, ct);
    }

    /// <summary>Matters raised by resolutions being removed go too, unless someone has reported on or closed one.</summary>
    static async Task<SaveResult?> RemoveMattersAsync(TrackerDbContext db, List<int> resolutionIds, string what, CancellationToken ct)
    {
        var matters = await db.MattersArising.Include(m => m.Updates).Where(m => m.ResolutionId != null && resolutionIds.Contains(m.ResolutionId.Value)).ToListAsync(ct);
        if (matters.FirstOrDefault(m => m.Updates.Count > 0 || m.Status == MatterStatus.Closed) is { } used)
            return SaveResult.Invalid("", $"{used.Label} raised by {what} has updates: it cannot be removed. Correct the wording instead");
        db.MattersArising.RemoveRange(matters);
        return null;
    }

    /// <summary>
    /// Gives items their new numbers in two steps inside one transaction: first out of the way (a
    /// negative number no item uses), then to their places, so the unique index on numbers never sees
    /// two items with the same number. Matters arising follow their minute's number.
    /// </summary>
    static async Task<SaveResult> RenumberAsync(TrackerDbContext db, List<MinuteItem> items, IReadOnlyDictionary<MinuteNumber, MinuteNumber> changes,
        Func<SaveResult> saved, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moving = items.Where(i => changes.ContainsKey(i.MinuteNumber)).Select(i => (Item: i, To: changes[i.MinuteNumber])).ToList();
        foreach (var (item, _) in moving) item.Renumber(new MinuteNumber(-item.Id, item.Suffix));
        var first = await db.SaveNewAsync(saved, ct);
        if (!first.Succeeded) return first;
        var ids = moving.Select(m => m.Item.Id).ToList();
        var matters = await db.MattersArising.Where(m => m.Resolution != null && ids.Contains(m.Resolution.MinuteItemId)).Include(m => m.Resolution).ToListAsync(ct);
        foreach (var (item, to) in moving)
        {
            item.Renumber(to);
            foreach (var matter in matters.Where(m => m.Resolution!.MinuteItemId == item.Id)) matter.MinuteNumber = to.ToString();
        }
        var second = await db.SaveNewAsync(saved, ct);
        if (second.Succeeded) await tx.CommitAsync(ct);
        return second;
    }

    static IReadOnlyList<ConflictValue> ItemValues(MinuteItem i) =>
        [new(nameof(MinuteItemChangeInput.Title), "Title", i.Title), new(nameof(MinuteItemChangeInput.Text), "Minute", i.Text)];

    static IReadOnlyList<ConflictValue> ResolutionValues(Resolution r) =>
        [new(nameof(ResolutionChangeInput.Text), "Resolution", r.Text), new(nameof(ResolutionChangeInput.Owners), "Action owners", r.Owners)];
}
