using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>What a lead types on the update form, plus an administrator's reason when the quarter is locked.</summary>
public sealed record UpdateSubmission(RagStatus? Rag, string? Narrative, string? EvidenceLink, string? LockReason = null);

/// <summary>
/// Writes of the quarterly review: leads' updates, the chair's sign-off, roll-up and metric overrides.
/// Each write validates, then authorises (role and ownership), then saves with the loaded version.
/// </summary>
public sealed class StrategyService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock, ReviewCycle cycle)
{
    static readonly QuarterlyUpdateInputValidator _validator = new();
    static readonly RagOverrideInputValidator _overrideValidator = new();

    public async Task<SaveResult> SaveUpdateAsync(int actionId, FinancialQuarter quarter, int loadedVersion, UpdateSubmission submission,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Only this action, its owners, its group's members and its own updates are loaded: a save can touch nothing else.
        var action = await db.StrategyActions.AsSplitQuery()
            .Include(a => a.Owners)
            .Include(a => a.OwningGroup).ThenInclude(g => g!.Members)
            .Include(a => a.Updates)
            .Include(a => a.Objective!).ThenInclude(o => o.Priority!).ThenInclude(p => p.Strategy)
            .SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null) return SaveResult.Missing();
        if (quarter > cycle.CurrentQuarter) return SaveResult.Invalid("", $"You cannot update {quarter.Label} yet: it has not started");
        // An earlier strategy is history: once a later strategy covers the quarter, the updates go to that one.
        var strategy = action.Objective!.Priority!.Strategy!;
        if (quarter > strategy.LastQuarter && await StrategyQueries.StrategyOfQuarterAsync(db, quarter, ct) is { } current && current != strategy.Id)
            return SaveResult.Invalid("", $"You cannot update this action for {quarter.Label}: the {strategy.Title} ended with {strategy.LastQuarter.Label} and is kept as history");

        var input = new QuarterlyUpdateInput(submission.Rag, submission.Narrative, submission.EvidenceLink, action.LastUpdateBefore(quarter)?.Rag);
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        if (!StrategyPermissions.CanUpdate(user, action))
            return SaveResult.Forbidden(user.IsInRole(Domain.People.TrackerRoles.Lead)
                ? $"You can only update actions that you or a sub-group you lead own. {action.Label} is not one of them"
                : "You cannot update actions: members can read the strategy but not change it");

        if (await LockRefusalAsync(db, strategy.Id, quarter, submission.LockReason, ct, nameof(UpdateSubmission.LockReason)) is { } refused) return refused;

        var result = await db.SaveVersionedAsync(action, loadedVersion, () => Values(action, quarter), () =>
        {
            action.RecordUpdate(quarter, input.Rag!.Value, input.Narrative, input.EvidenceLink, user.PersonId, user.DisplayName, clock.GetUtcNow());
            return null;
        }, ct);
        // The draft has become the update. Deleted after the save, not in it: a draft is never a reason to refuse an update.
        if (result.Succeeded && user.UserId is { } me) await UpdateDraftService.Find(db, me, actionId, quarter).ExecuteDeleteAsync(ct);
        return result;
    }

    static IReadOnlyList<ConflictValue> Values(StrategyAction action, FinancialQuarter quarter)
    {
        var current = action.CurrentUpdate(quarter);
        return
        [
            new(nameof(UpdateSubmission.Rag), "RAG status", current?.Rag.ToString() ?? Rag.NotUpdated),
            new(nameof(UpdateSubmission.Narrative), "Narrative", current?.Narrative),
            new(nameof(UpdateSubmission.EvidenceLink), "Evidence link", current?.EvidenceLink),
        ];
    }

    /// <summary>
    /// A signed-off quarter refuses every change (updates and RAG overrides) except an administrator's
    /// with a reason, which lands on every audit row of the save. Null when the change may go ahead.
    /// </summary>
    async Task<SaveResult?> LockRefusalAsync(TrackerDbContext db, int strategyId, FinancialQuarter quarter, string? reason, CancellationToken ct,
        string reasonField = nameof(RagOverrideInput.Reason))
    {
        if (!await db.QuarterLocks.AnyAsync(l => l.StrategyId == strategyId && l.Year == quarter.Year && l.Quarter == quarter.Quarter, ct)) return null;
        if (!user.IsAdministrator())
            return SaveResult.Forbidden($"{quarter.Label} has been signed off by the chair and is locked. Ask an administrator to change it");
        if (string.IsNullOrWhiteSpace(reason))
            return SaveResult.Invalid(reasonField, "Enter the reason for changing a locked quarter");
        if (reason.Trim().Length > 500)
            return SaveResult.Invalid(reasonField, "Reason must be 500 characters or fewer");
        db.AuditReason = $"Changed after {quarter.Label} was locked: {reason.Trim()}";
        return null;
    }

    /// <summary>The chair signs off a strategy's quarter; its updates are then locked.</summary>
    public async Task<SaveResult> LockQuarterAsync(int strategyId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        if (!user.IsChair()) return SaveResult.Forbidden("Only the chair can sign off and lock a quarter");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Strategies.AnyAsync(s => s.Id == strategyId, ct)) return SaveResult.Missing();
        if (await db.QuarterLocks.AnyAsync(l => l.StrategyId == strategyId && l.Year == quarter.Year && l.Quarter == quarter.Quarter, ct))
            return SaveResult.Invalid("", $"{quarter.Label} is already locked");
        var entry = new QuarterLock { StrategyId = strategyId, Year = quarter.Year, Quarter = quarter.Quarter, LockedBy = user.DisplayName, LockedAt = clock.GetUtcNow() };
        db.QuarterLocks.Add(entry);
        // Two sign-offs at the same moment: the unique index keeps one, the other is told it is locked.
        return await db.SaveNewAsync(() => SaveResult.Saved(entry.Id, entry.Version), ct,
            new UniqueRule("QuarterLocks.StrategyId", "", $"{quarter.Label} is already locked"));
    }

    /// <summary>Sets (or, with no RAG, removes) the override of an objective's or priority's roll-up for a quarter.</summary>
    public async Task<SaveResult> OverrideRollUpAsync(RollUpLevel level, int targetId, FinancialQuarter quarter, RagOverrideInput input,
        CancellationToken ct = default)
    {
        var errors = _overrideValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.CanEditEverything()) return SaveResult.Forbidden("Only the chair or an administrator can override a RAG status");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var exists = level == RollUpLevel.Objective
            ? await db.Objectives.AnyAsync(o => o.Id == targetId, ct)
            : await db.Priorities.AnyAsync(p => p.Id == targetId, ct);
        if (!exists) return SaveResult.Missing();
        var strategyId = level == RollUpLevel.Objective
            ? await db.Objectives.Where(o => o.Id == targetId).Select(o => o.Priority!.StrategyId).SingleAsync(ct)
            : await db.Priorities.Where(p => p.Id == targetId).Select(p => p.StrategyId).SingleAsync(ct);
        if (await LockRefusalAsync(db, strategyId, quarter, input.Reason, ct) is { } refused) return refused;
        var existing = await db.RollUpOverrides.SingleOrDefaultAsync(
            o => o.Level == level && o.TargetId == targetId && o.Year == quarter.Year && o.Quarter == quarter.Quarter, ct);
        if (input.Rag is null)
        {
            if (existing is not null) db.RollUpOverrides.Remove(existing);
        }
        else if (existing is null)
        {
            existing = new RollUpOverride { Level = level, TargetId = targetId, Year = quarter.Year, Quarter = quarter.Quarter, Rag = input.Rag.Value, Reason = input.Reason!.Trim() };
            db.RollUpOverrides.Add(existing);
        }
        else
        {
            existing.Rag = input.Rag.Value;
            existing.Reason = input.Reason!.Trim();
        }
        return await db.SaveNewAsync(() => SaveResult.Saved(existing?.Id ?? 0, existing?.Version ?? 0), ct,
            new UniqueRule("RollUpOverrides.Level", nameof(RagOverrideInput.Rag),
                $"Someone else overrode this RAG status for {quarter.Label} at the same moment. Your override has not been saved: check theirs, then save again"));
    }

    /// <summary>Overrides (or, with no RAG, returns to the suggestion for) a metric value's RAG, with a reason.</summary>
    public async Task<SaveResult> OverrideMetricAsync(int valueId, int loadedVersion, RagOverrideInput input, CancellationToken ct = default)
    {
        var errors = _overrideValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.CanEditEverything()) return SaveResult.Forbidden("Only the chair or an administrator can override a RAG status");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var value = await db.MetricValues.Include(v => v.Metric).SingleOrDefaultAsync(v => v.Id == valueId, ct);
        if (value is null) return SaveResult.Missing();
        if (await LockRefusalAsync(db, value.Metric!.StrategyId, new FinancialQuarter(value.Year, value.Quarter), input.Reason, ct) is { } refused) return refused;
        IReadOnlyList<ConflictValue> Values() => [new("Rag", "RAG status", value.RagOverride?.ToString()), new("Reason", "Reason", value.OverrideReason)];
        return await db.SaveVersionedAsync(value, loadedVersion, Values, () =>
        {
            value.Override(input.Rag, input.Reason);
            return null;
        }, ct);
    }
}
