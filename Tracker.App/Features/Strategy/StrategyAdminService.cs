using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

public sealed record AdminActionRow(int Id, string Number, string Description, bool IsRetired, int UpdateCount, int Version);
public sealed record AdminObjectiveRow(int Id, int Number, string Title, bool IsRetired, int Version, IReadOnlyList<AdminActionRow> Actions);
public sealed record AdminSubPriorityRow(int Id, int Number, string Title, bool IsRetired);
public sealed record AdminPriorityRow(int Id, string Heading, IReadOnlyList<AdminObjectiveRow> Objectives, IReadOnlyList<AdminSubPriorityRow> SubPriorities);
public sealed record SubPriorityForEdit(int Id, int PriorityId, int Version, SubPriorityInput Input);
/// <summary>A sub-priority offered on the objective form.</summary>
public sealed record SubPriorityOption(int Id, int Number, string Title, bool IsRetired);
public sealed record ActionForEdit(int Id, int ObjectiveId, int Version, ActionInput Input);
public sealed record ObjectiveForEdit(int Id, int PriorityId, int Version, ObjectiveInput Input);

public sealed record StrategyForEdit(int Id, int Version, StrategyInput Input);
public sealed record PriorityForEdit(int Id, int StrategyId, int Version, PriorityInput Input);

public enum StrategyItem
{
    Objective,
    Action,
    SubPriority,
}

/// <summary>Administrators create, change, reorder and retire objectives and actions. Nothing with updates is ever deleted.</summary>
public sealed class StrategyAdminService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    static readonly ActionInputValidator _actionValidator = new();
    static readonly ObjectiveInputValidator _objectiveValidator = new();
    static readonly StrategyInputValidator _strategyValidator = new();
    static readonly PriorityInputValidator _priorityValidator = new();
    static readonly SubPriorityInputValidator _subPriorityValidator = new();
    const string OnlyAdministrators = "Only administrators can change the strategy";

    public async Task<IReadOnlyList<AdminPriorityRow>> TreeAsync(int strategyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().AsSplitQuery()
            .Include(p => p.Objectives).ThenInclude(o => o.Actions)
            .Include(p => p.SubPriorities)
            .Where(p => p.StrategyId == strategyId).OrderBy(p => p.Number).ToListAsync(ct);
        var counts = await db.QuarterlyUpdates.AsNoTracking().GroupBy(u => u.ActionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return priorities.Select(p => new AdminPriorityRow(p.Id, p.Heading,
            p.Objectives.OrderBy(o => o.Order).Select(o => new AdminObjectiveRow(o.Id, o.Number, o.Title, o.IsRetired, o.Version,
                o.Actions.OrderBy(a => a.Order).Select(a => new AdminActionRow(a.Id, a.Number, a.Description, a.IsRetired, counts.GetValueOrDefault(a.Id), a.Version)).ToList()))
            .ToList(),
            p.SubPriorities.OrderBy(s => s.Number).Select(s => new AdminSubPriorityRow(s.Id, s.Number, s.Title, s.IsRetired)).ToList())).ToList();
    }

    public async Task<ActionForEdit?> GetActionAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var a = await db.StrategyActions.AsNoTracking().Include(x => x.Owners).SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? null : new ActionForEdit(a.Id, a.ObjectiveId, a.Version, new ActionInput(a.Number, a.Description,
            a.Owners.Select(o => o.PersonId).ToList(), a.OwningGroupId, a.LeadPartnerId, a.StartDate, a.TargetDate, a.Status));
    }

    public async Task<SaveResult> CreateActionAsync(int objectiveId, ActionInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _actionValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        var objective = await db.Objectives.Include(o => o.Actions).SingleOrDefaultAsync(o => o.Id == objectiveId, ct);
        if (objective is null) return SaveResult.Missing();
        var action = objective.AddAction(new StrategyAction { Number = "", Description = "" });
        action.Update(input);
        return await db.SaveNewAsync(() => SaveResult.Saved(action.Id, action.Version), ct);
    }

    public async Task<SaveResult> UpdateActionAsync(int id, int loadedVersion, ActionInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _actionValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        var action = await db.StrategyActions.Include(a => a.Owners).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Values() => [new("Number", "Number", action.Number), new("Description", "Action", action.Description)];
        return await db.SaveVersionedAsync(action, loadedVersion, Values, () =>
        {
            action.Update(input);
            return null;
        }, ct);
    }

    public async Task<ObjectiveForEdit?> GetObjectiveAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Objectives.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new ObjectiveForEdit(o.Id, o.PriorityId, o.Version, new ObjectiveInput(o.Number, o.Title, o.Description, o.SubPriorityId)))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<SaveResult> CreateObjectiveAsync(int priorityId, ObjectiveInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _objectiveValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        var priority = await db.Priorities.Include(p => p.Objectives).SingleOrDefaultAsync(p => p.Id == priorityId, ct);
        if (priority is null) return SaveResult.Missing();
        if (await SubPriorityOutsideAsync(db, priorityId, input.SubPriorityId, ct) is { } wrong) return wrong;
        var objective = priority.AddObjective(new Objective { Title = "" });
        objective.Update(input);
        return await db.SaveNewAsync(() => SaveResult.Saved(objective.Id, objective.Version), ct);
    }

    public async Task<SaveResult> UpdateObjectiveAsync(int id, int loadedVersion, ObjectiveInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _objectiveValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (objective is null) return SaveResult.Missing();
        if (await SubPriorityOutsideAsync(db, objective.PriorityId, input.SubPriorityId, ct) is { } wrong) return wrong;
        IReadOnlyList<ConflictValue> Values() => [new("Number", "Number", objective.Number.ToString()), new("Title", "Objective", objective.Title)];
        return await db.SaveVersionedAsync(objective, loadedVersion, Values, () =>
        {
            objective.Update(input);
            return null;
        }, ct);
    }

    /// <summary>An objective may only sit under a sub-priority of its own priority.</summary>
    async Task<SaveResult?> SubPriorityOutsideAsync(TrackerDbContext db, int priorityId, int? subPriorityId, CancellationToken ct) =>
        subPriorityId is { } sub && !await db.SubPriorities.AnyAsync(s => s.Id == sub && s.PriorityId == priorityId, ct)
            ? SaveResult.Invalid(nameof(ObjectiveInput.SubPriorityId), "Select a sub-priority of this priority, or none")
            : null;

    /// <summary>Moves an objective within its priority, or an action within its objective, one place up or down.</summary>
    public async Task<SaveResult> MoveAsync(StrategyItem item, int id, bool up, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        if (item == StrategyItem.SubPriority)
        {
            // A sub-priority's number is its place: moving it renumbers it and its neighbour.
            var sub = await db.SubPriorities.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (sub is null) return SaveResult.Missing();
            var siblings = await db.SubPriorities.Where(s => s.PriorityId == sub.PriorityId).OrderBy(s => s.Number).ToListAsync(ct);
            Swap(siblings, siblings.IndexOf(sub), up, s => s.Number, (s, v) => s.Number = v);
        }
        else if (item == StrategyItem.Objective)
        {
            var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (objective is null) return SaveResult.Missing();
            var siblings = await db.Objectives.Where(o => o.PriorityId == objective.PriorityId).OrderBy(o => o.Order).ToListAsync(ct);
            Swap(siblings, siblings.IndexOf(objective), up, o => o.Order, (o, v) => o.Order = v);
        }
        else
        {
            var action = await db.StrategyActions.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (action is null) return SaveResult.Missing();
            var siblings = await db.StrategyActions.Where(a => a.ObjectiveId == action.ObjectiveId).OrderBy(a => a.Order).ToListAsync(ct);
            Swap(siblings, siblings.IndexOf(action), up, a => a.Order, (a, v) => a.Order = v);
        }
        return await db.SaveNewAsync(() => SaveResult.Saved(id, 0), ct);
    }

    static void Swap<T>(List<T> items, int index, bool up, Func<T, int> get, Action<T, int> set)
    {
        // Renumber first so gaps or duplicates from earlier edits cannot stop a move.
        for (var i = 0; i < items.Count; i++) set(items[i], i + 1);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= items.Count) return;
        var order = get(items[index]);
        set(items[index], get(items[other]));
        set(items[other], order);
    }

    /// <summary>Retires (or restores) an objective or action. Retired items keep their history.</summary>
    public async Task<SaveResult> SetRetiredAsync(StrategyItem item, int id, bool retired, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        Entity? entity = item switch
        {
            StrategyItem.Objective => await db.Objectives.SingleOrDefaultAsync(o => o.Id == id, ct),
            StrategyItem.SubPriority => await db.SubPriorities.SingleOrDefaultAsync(s => s.Id == id, ct),
            _ => await db.StrategyActions.SingleOrDefaultAsync(a => a.Id == id, ct),
        };
        switch (entity)
        {
            case SubPriority s: s.IsRetired = retired; break;
            case null: return SaveResult.Missing();
            case Objective o: o.IsRetired = retired; break;
            case StrategyAction a: a.IsRetired = retired; break;
        }
        return await db.SaveNewAsync(() => SaveResult.Saved(id, entity.Version), ct);
    }

    public async Task<StrategyForEdit?> GetStrategyAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Strategies.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StrategyForEdit(s.Id, s.Version, new StrategyInput(s.Title, s.StartYear, s.EndYear))).SingleOrDefaultAsync(ct);
    }

    public async Task<SaveResult> SaveStrategyAsync(int? id, int loadedVersion, StrategyInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _strategyValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        if (id is null)
        {
            var created = new Domain.Strategy.Strategy { Title = "" };
            created.Update(input);
            db.Strategies.Add(created);
            return await db.SaveNewAsync(() => SaveResult.Saved(created.Id, created.Version), ct);
        }
        var strategy = await db.Strategies.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (strategy is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Values() => [new("Title", "Title", strategy.Title)];
        return await db.SaveVersionedAsync(strategy, loadedVersion, Values, () =>
        {
            strategy.Update(input);
            return null;
        }, ct);
    }

    public async Task<PriorityForEdit?> GetPriorityAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Priorities.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PriorityForEdit(p.Id, p.StrategyId, p.Version, new PriorityInput(p.Number, p.Title, p.Description, p.LeadPartnerId)))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<SaveResult> SavePriorityAsync(int strategyId, int? id, int loadedVersion, PriorityInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _priorityValidator.Check(input).ToList();
        if (await db.Priorities.AnyAsync(p => p.StrategyId == strategyId && p.Number == input.Number && p.Id != id, ct))
            errors.Add(new FieldError(nameof(PriorityInput.Number), $"Priority {input.Number} already exists in this strategy"));
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        if (id is null)
        {
            var strategy = await db.Strategies.SingleOrDefaultAsync(s => s.Id == strategyId, ct);
            if (strategy is null) return SaveResult.Missing();
            var created = strategy.AddPriority(new Priority { Title = "" });
            created.Update(input);
            return await db.SaveNewAsync(() => SaveResult.Saved(created.Id, created.Version), ct);
        }
        var priority = await db.Priorities.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Values() => [new("Title", "Title", priority.Title), new("Description", "Description", priority.Description)];
        return await db.SaveVersionedAsync(priority, loadedVersion, Values, () =>
        {
            priority.Update(input);
            return null;
        }, ct);
    }

    public async Task<SubPriorityForEdit?> GetSubPriorityAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.SubPriorities.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SubPriorityForEdit(s.Id, s.PriorityId, s.Version, new SubPriorityInput(s.Number, s.Title)))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The priority's sub-priorities for the objective form, in order; retired ones are marked so the form can keep a current link.</summary>
    public async Task<IReadOnlyList<SubPriorityOption>> SubPrioritiesAsync(int priorityId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.SubPriorities.AsNoTracking().Where(s => s.PriorityId == priorityId).OrderBy(s => s.Number)
            .Select(s => new SubPriorityOption(s.Id, s.Number, s.Title, s.IsRetired)).ToListAsync(ct);
    }

    public async Task<string?> PriorityHeadingAsync(int priorityId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.Priorities.AsNoTracking().Where(p => p.Id == priorityId).Select(p => new { p.Number, p.Title }).SingleOrDefaultAsync(ct)) is { } p
            ? Priority.HeadingOf(p.Number, p.Title) : null;
    }

    /// <summary>Creates (no <paramref name="id"/>) or changes a sub-priority of <paramref name="priorityId"/>.</summary>
    public async Task<SaveResult> SaveSubPriorityAsync(int priorityId, int? id, int loadedVersion, SubPriorityInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _subPriorityValidator.Check(input).ToList();
        if (input.Number is not null && await db.SubPriorities.AnyAsync(s => s.PriorityId == priorityId && s.Number == input.Number && s.Id != id, ct))
            errors.Add(new FieldError(nameof(SubPriorityInput.Number), $"Sub-priority {input.Number} already exists in this priority"));
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        if (id is null)
        {
            var priority = await db.Priorities.SingleOrDefaultAsync(p => p.Id == priorityId, ct);
            if (priority is null) return SaveResult.Missing();
            var created = priority.AddSubPriority(input.Number!.Value, "");
            created.Update(input);
            return await db.SaveNewAsync(() => SaveResult.Saved(created.Id, created.Version), ct);
        }
        var sub = await db.SubPriorities.SingleOrDefaultAsync(s => s.Id == id && s.PriorityId == priorityId, ct);
        if (sub is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Values() => [new("Number", "Number", sub.Number.ToString()), new("Title", "Title", sub.Title)];
        return await db.SaveVersionedAsync(sub, loadedVersion, Values, () =>
        {
            sub.Update(input);
            return null;
        }, ct);
    }

    /// <summary>The partnership's own wording of each RAG rating, shown as hints on the update form.</summary>
    public async Task<SaveResult> SaveDefinitionsAsync(IReadOnlyDictionary<RagStatus, string?> definitions, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = new List<FieldError>();
        foreach (var (rag, text) in definitions)
        {
            if (string.IsNullOrWhiteSpace(text)) errors.Add(new FieldError(rag.ToString(), $"Enter the definition of {rag}"));
            else if (text.Trim().Length > 300) errors.Add(new FieldError(rag.ToString(), $"Definition of {rag} must be 300 characters or fewer"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        var saved = await db.RagDefinitions.ToListAsync(ct);
        foreach (var (rag, text) in definitions)
        {
            var row = saved.FirstOrDefault(d => d.Status == rag);
            if (row is null) db.RagDefinitions.Add(new RagDefinition { Status = rag, Definition = text!.Trim() });
            else row.Definition = text!.Trim();
        }
        return await db.SaveNewAsync(() => SaveResult.Saved(0, 0), ct);
    }
}
