using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>Each group's standing items, which pre-fill its new agendas: read by all, kept by the clerk.</summary>
public sealed class StandingItemsService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    const string NotClerk = "Only the clerk (an administrator) can change standing items";
    static readonly StandingItemInputValidator _validator = new();

    public async Task<IReadOnlyList<StandingItemRow>> ListAsync(int groupId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.StandingItems.AsNoTracking().Where(s => s.GroupId == groupId).OrderBy(s => s.Order)
            .Select(s => new StandingItemRow(s.Id, s.Version, s.Order, s.Title, s.Presenter)).ToListAsync(ct);
    }

    public async Task<SaveResult> AddAsync(int groupId, StandingItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, ct)) return SaveResult.Missing();
        var order = (await db.StandingItems.Where(s => s.GroupId == groupId).MaxAsync(s => (int?)s.Order, ct) ?? 0) + 1;
        var item = StandingItem.For(groupId, order, input);
        db.StandingItems.Add(item);
        return await db.SaveNewAsync(() => SaveResult.Saved(item.Id, item.Version), ct);
    }

    public async Task<SaveResult> UpdateAsync(int id, int loadedVersion, StandingItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.StandingItems.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (item is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(item, loadedVersion, () => Values(item), () => { item.Change(input); return null; }, ct);
    }

    /// <summary>Moves an item up (by -1) or down (by 1) among its group's, or removes it (by null).</summary>
    public async Task<SaveResult> ReorderAsync(int id, int loadedVersion, int? by, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.StandingItems.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (item is null) return SaveResult.Missing();
        var siblings = await db.StandingItems.Where(s => s.GroupId == item.GroupId).OrderBy(s => s.Order).ToListAsync(ct);
        return await db.SaveVersionedAsync(item, loadedVersion, () => Values(item), () =>
        {
            var index = siblings.IndexOf(item);
            if (by is null)
            {
                siblings.Remove(item);
                db.StandingItems.Remove(item);
            }
            else
            {
                var target = index + Math.Sign(by.Value);
                if (target < 0 || target >= siblings.Count)
                    return SaveResult.Invalid("", $"{item.Title} is already {(by < 0 ? "first" : "last")} of the standing items");
                (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
            }
            for (var i = 0; i < siblings.Count; i++)
                if (siblings[i].Order != i + 1) siblings[i].Order = i + 1;
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> Values(StandingItem s) =>
    [
        new(nameof(StandingItemInput.Title), "Title", s.Title),
        new(nameof(StandingItemInput.Presenter), "Presenter", s.Presenter),
    ];
}
