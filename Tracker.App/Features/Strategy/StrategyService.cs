using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>What a lead types on the update form, plus an administrator's reason when the quarter is locked.</summary>
public sealed record UpdateSubmission(RagStatus? Rag, string? Narrative, string? EvidenceLink, string? LockReason = null);

/// <summary>
/// Writes of the quarterly review: leads' updates, the chair's sign-off, roll-up and metric overrides.
/// Each write validates, then authorises (role and ownership), then saves with the loaded version.
/// </summary>
public sealed class StrategyService(TrackerDbContext db, ICurrentUser user, TimeProvider clock, PapersDeadlines deadlines)
{
    readonly QuarterlyUpdateInputValidator _validator = new();
    readonly RagOverrideInputValidator _overrideValidator = new();

    public async Task<SaveResult> SaveUpdateAsync(int actionId, FinancialQuarter quarter, int loadedVersion, UpdateSubmission submission,
        CancellationToken ct = default)
    {
        // Only this action, its owners, its group's members and its own updates are loaded: a save can touch nothing else.
        var action = await db.StrategyActions.AsSplitQuery()
            .Include(a => a.Owners)
            .Include(a => a.OwningGroup).ThenInclude(g => g!.Members)
            .Include(a => a.Updates)
            .Include(a => a.Objective!).ThenInclude(o => o.Priority)
            .SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null) return SaveResult.Missing();
        if (quarter > deadlines.CurrentQuarter) return SaveResult.Invalid("", $"You cannot update {quarter.Label} yet: it has not started");

        var input = new QuarterlyUpdateInput(submission.Rag, submission.Narrative, submission.EvidenceLink, action.LastUpdateBefore(quarter)?.Rag);
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        if (!StrategyPermissions.CanUpdate(user, action))
            return SaveResult.Forbidden(user.IsInRole(Domain.People.TrackerRoles.Lead)
                ? $"You can only update actions that you or a sub-group you lead own. {action.Label} is not one of them"
                : "You cannot update actions: members can read the strategy but not change it");

        var strategyId = action.Objective!.Priority!.StrategyId;
        var locked = await db.QuarterLocks.AnyAsync(l => l.StrategyId == strategyId && l.Year == quarter.Year && l.Quarter == quarter.Quarter, ct);
        if (locked)
        {
            if (!user.IsAdministrator())
                return SaveResult.Forbidden($"{quarter.Label} has been signed off by the chair and is locked. Ask an administrator to change it");
            if (string.IsNullOrWhiteSpace(submission.LockReason))
                return SaveResult.Invalid(nameof(UpdateSubmission.LockReason), "Enter the reason for changing a locked quarter");
            if (submission.LockReason.Trim().Length > 500)
                return SaveResult.Invalid(nameof(UpdateSubmission.LockReason), "Reason must be 500 characters or fewer");
            // The reason lands on every audit row of this save: the new update and the action's stamp.
            db.AuditReason = $"Changed after {quarter.Label} was locked: {submission.LockReason.Trim()}";
        }

        return await db.SaveVersionedAsync(action, loadedVersion, () => Values(action, quarter), () =>
        {
            action.RecordUpdate(quarter, input.Rag!.Value, input.Narrative, input.EvidenceLink, user.PersonId, user.DisplayName, clock.GetUtcNow());
            return null;
        }, ct);
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

    /// <summary>The chair signs off a strategy's quarter; its updates are then locked.</summary>
    public async Task<SaveResult> LockQuarterAsync(int strategyId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        if (!user.IsChair()) return SaveResult.Forbidden("Only the chair can sign off and lock a quarter");
        if (!await db.Strategies.AnyAsync(s => s.Id == strategyId, ct)) return SaveResult.Missing();
        if (await db.QuarterLocks.AnyAsync(l => l.StrategyId == strategyId && l.Year == quarter.Year && l.Quarter == quarter.Quarter, ct))
            return SaveResult.Invalid("", $"{quarter.Label} is already locked");
        var entry = new QuarterLock { StrategyId = strategyId, Year = quarter.Year, Quarter = quarter.Quarter, LockedBy = user.DisplayName, LockedAt = clock.GetUtcNow() };
        db.QuarterLocks.Add(entry);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(entry.Id, entry.Version);
    }

    /// <summary>Sets (or, with no RAG, removes) the override of an objective's or priority's roll-up for a quarter.</summary>
    public async Task<SaveResult> OverrideRollUpAsync(RollUpLevel level, int targetId, FinancialQuarter quarter, RagOverrideInput input,
        CancellationToken ct = default)
    {
        var errors = _overrideValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.CanEditEverything()) return SaveResult.Forbidden("Only the chair or an administrator can override a RAG status");
        var exists = level == RollUpLevel.Objective
            ? await db.Objectives.AnyAsync(o => o.Id == targetId, ct)
            : await db.Priorities.AnyAsync(p => p.Id == targetId, ct);
        if (!exists) return SaveResult.Missing();
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
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(existing?.Id ?? 0, existing?.Version ?? 0);
    }

    /// <summary>Overrides (or, with no RAG, returns to the suggestion for) a metric value's RAG, with a reason.</summary>
    public async Task<SaveResult> OverrideMetricAsync(int valueId, int loadedVersion, RagOverrideInput input, CancellationToken ct = default)
    {
        var errors = _overrideValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.CanEditEverything()) return SaveResult.Forbidden("Only the chair or an administrator can override a RAG status");
        var value = await db.MetricValues.SingleOrDefaultAsync(v => v.Id == valueId, ct);
        if (value is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Values() => [new("Rag", "RAG status", value.RagOverride?.ToString()), new("Reason", "Reason", value.OverrideReason)];
        return await db.SaveVersionedAsync(value, loadedVersion, Values, () =>
        {
            value.Override(input.Rag, input.Reason);
            return null;
        }, ct);
    }
}
