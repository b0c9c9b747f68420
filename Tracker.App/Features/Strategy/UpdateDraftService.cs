using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>An unsaved update kept for its user, and when it was last kept.</summary>
public sealed record DraftView(RagStatus? Rag, string Narrative, string? EvidenceLink, DateTimeOffset SavedAt);

/// <summary>
/// The signed-in user's drafts of quarterly updates: kept as they type (the form calls
/// <see cref="KeepAsync"/> a second after the last keystroke), offered again when the form is next
/// opened, and removed when the update is saved (<see cref="StrategyService.SaveUpdateAsync"/>) or discarded.
/// Each user sees only their own.
/// </summary>
public sealed class UpdateDraftService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Keeps what the user has typed. False when there is nothing it may keep (no user, not theirs, too long).</summary>
    public async Task<bool> KeepAsync(int actionId, FinancialQuarter quarter, RagStatus? rag, string? narrative, string? evidenceLink,
        CancellationToken ct = default)
    {
        if (user.UserId is not { } me) return false;
        // The save refuses these lengths with a message; a draft simply is not kept beyond them.
        if ((narrative?.Length ?? 0) > QuarterlyUpdateInputValidator.NarrativeMaxLength
            || (evidenceLink?.Length ?? 0) > QuarterlyUpdateInputValidator.EvidenceLinkMaxLength) return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var action = await db.StrategyActions.AsNoTracking().AsSplitQuery()
            .Include(a => a.Owners)
            .Include(a => a.OwningGroup).ThenInclude(g => g!.Members)
            .SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null || !StrategyPermissions.CanUpdate(user, action)) return false;

        // Two tabs keeping the same draft at once: the unique index refuses the second insert, which then updates.
        for (var attempt = 0; ; attempt++)
        {
            var draft = await Find(db, me, actionId, quarter).SingleOrDefaultAsync(ct);
            if (draft is null)
            {
                draft = new UpdateDraft { UserId = me, ActionId = actionId, Year = quarter.Year, Quarter = quarter.Quarter };
                db.UpdateDrafts.Add(draft);
            }
            draft.Keep(rag, narrative, evidenceLink, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The user's draft of an action's update for a quarter, if they have one.</summary>
    public async Task<DraftView?> FindAsync(int actionId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        if (user.UserId is not { } me) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Find(db, me, actionId, quarter).AsNoTracking()
            .Select(d => new DraftView(d.Rag, d.Narrative, d.EvidenceLink, d.SavedAt)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The user's drafts for a quarter, by action.</summary>
    public async Task<IReadOnlyDictionary<int, DraftView>> ForQuarterAsync(FinancialQuarter quarter, CancellationToken ct = default)
    {
        if (user.UserId is not { } me) return new Dictionary<int, DraftView>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.UpdateDrafts.AsNoTracking().Where(d => d.UserId == me && d.Year == quarter.Year && d.Quarter == quarter.Quarter)
            .ToDictionaryAsync(d => d.ActionId, d => new DraftView(d.Rag, d.Narrative, d.EvidenceLink, d.SavedAt), ct);
    }

    public async Task DiscardAsync(int actionId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        if (user.UserId is not { } me) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await Find(db, me, actionId, quarter).ExecuteDeleteAsync(ct);
    }

    internal static IQueryable<UpdateDraft> Find(TrackerDbContext db, string userId, int actionId, FinancialQuarter quarter) =>
        db.UpdateDrafts.Where(d => d.UserId == userId && d.ActionId == actionId && d.Year == quarter.Year && d.Quarter == quarter.Quarter);
}
