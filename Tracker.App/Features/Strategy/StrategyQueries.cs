using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Papers;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using StrategyEntity = Tracker.Domain.Strategy.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>Everything read about strategies: overview, report, action history, leads' to-do lists, completeness.</summary>
public sealed class StrategyQueries(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, ReviewCycle cycle, StrategyDataCache? cache = null)
{
    /// <summary>What is under review now: the quarter, the meeting and its papers deadline (see <see cref="ReviewCycle"/>).</summary>
    public Task<UnderReview> UnderReviewAsync(CancellationToken ct = default) => cycle.NowAsync(ct);

    /// <summary>
    /// The strategies' data for reading, from the app-wide cache when there is one (there is in the
    /// app; see <see cref="StrategyDataCache"/> for why it is never stale).
    /// </summary>
    Task<StrategyData> DataAsync(CancellationToken ct) => cache is null ? LoadDataAsync(ct) : cache.GetAsync(LoadDataAsync, ct);

    async Task<StrategyData> LoadDataAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var strategies = await db.Strategies.AsNoTracking().AsSplitQuery()
            .Include(s => s.Priorities).ThenInclude(p => p.LeadPartner)
            .Include(s => s.Priorities).ThenInclude(p => p.SubPriorities)
            .Include(s => s.Priorities).ThenInclude(p => p.Objectives).ThenInclude(o => o.SubPriority)
            .Include(s => s.Priorities).ThenInclude(p => p.Objectives).ThenInclude(o => o.Actions).ThenInclude(a => a.Owners).ThenInclude(o => o.Person)
            .Include(s => s.Priorities).ThenInclude(p => p.Objectives).ThenInclude(o => o.Actions).ThenInclude(a => a.OwningGroup)
            .Include(s => s.Priorities).ThenInclude(p => p.Objectives).ThenInclude(o => o.Actions).ThenInclude(a => a.LeadPartner)
            .ToListAsync(ct);
        var updates = await db.QuarterlyUpdates.AsNoTracking().ToListAsync(ct);
        var overrides = await db.RollUpOverrides.AsNoTracking()
            .Select(o => new OverrideRead(o.Level, o.TargetId, o.Year, o.Quarter, o.Rag, o.Reason) { Id = o.Id }).ToListAsync(ct);
        var metrics = await db.Metrics.AsNoTracking().AsSplitQuery().Include(m => m.Priority).Include(m => m.Values)
            .OrderBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(ct);
        var locks = await db.QuarterLocks.AsNoTracking()
            .Select(l => new LockRead(l.StrategyId, l.Year, l.Quarter, l.LockedBy, l.LockedAt)).ToListAsync(ct);

        var reads = strategies.Select(s => new StrategyRead(s.Id, s.Title, s.StartYear, s.EndYear, s.IsRetired,
            s.Priorities.Select(p => new PriorityRead(p.Id, p.Number, p.Title, p.Heading, p.Description, p.IsRetired, p.LeadPartner?.Name,
                p.SubPriorities.Select(sp => new SubPriorityRead(sp.Number, sp.Title, sp.IsRetired)).ToList(),
                p.Objectives.Select(o => new ObjectiveRead(o.Id, o.Number, o.Order, o.Title, o.Description, o.SubPriority?.Title, o.IsRetired,
                    o.Actions.Select(Read).ToList())).ToList())).ToList())).ToList();
        var strategyOfAction = reads
            .SelectMany(s => s.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).Select(a => (Action: a.Id, Strategy: s.Id)))
            .ToDictionary(x => x.Action, x => x.Strategy);
        var byQuarter = updates.GroupBy(u => u.Year * 10 + u.Quarter)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<UpdateRead>)g.Select(u => new UpdateRead(u.ActionId, View(u))).ToList());
        var keysByStrategy = updates.Where(u => strategyOfAction.ContainsKey(u.ActionId))
            .GroupBy(u => strategyOfAction[u.ActionId])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(u => u.Year * 10 + u.Quarter).Distinct().ToList());
        var metricReads = metrics.Select(m => new MetricRead(m.Id, m.StrategyId, m.PriorityId, m.Name, m.Priority?.Heading, m.LowerIsBetter,
            m.Values.OrderBy(v => v.Year).ThenBy(v => v.Quarter).ThenBy(v => v.Id)
                .Select(v => new MetricValueRead(v.Id, v.Version, v.Year, v.Quarter, v.PeriodLabel, v.Count, v.PreviousCount, v.ChangePercent,
                    v.ChangeText, m.Suggest(v.ChangePercent), v.RagOverride, v.OverrideReason)).ToList())).ToList();
        return new StrategyData(reads, byQuarter, keysByStrategy, overrides, metricReads, locks);
    }

    static ActionRead Read(StrategyAction a) => new(a.Id, a.Number, a.Description, a.Order,
        a.Owners.Where(o => o.Person is not null).OrderBy(o => o.Person!.Initials).Select(o => new OwnerRead(o.PersonId, o.Person!.Initials, o.Person.Name)).ToList(),
        a.OwningGroupId, a.OwningGroup?.Name, a.LeadPartner?.Code, a.StartDate, a.TargetDate, a.Status, a.IsRetired);

    /// <summary>The strategies to choose from, newest first, the current one marked.</summary>
    public async Task<IReadOnlyList<StrategyOption>> ListStrategiesAsync(CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var current = ResolveStrategyId(data, null, (await cycle.NowAsync(ct)).Quarter);
        return ListStrategies(data).Select(s => s with { IsCurrent = s.Id == current }).ToList();
    }

    // Titles ordinally, as SQLite's default collation compared them when this was a query.
    static List<StrategyOption> ListStrategies(StrategyData data) =>
        data.Strategies.Where(s => !s.IsRetired).OrderByDescending(s => s.StartYear).ThenBy(s => s.Title, StringComparer.Ordinal)
            .Select(s => new StrategyOption(s.Id, s.Title, s.StartYear, s.EndYear)).ToList();

    /// <summary>
    /// The strategy a page shows: the one asked for, or else the strategy of <paramref name="quarter"/>
    /// (the quarter under review when none is given): that is the current strategy (see <see cref="StrategyPeriod.For"/>).
    /// </summary>
    public async Task<int?> ResolveStrategyIdAsync(int? requested, FinancialQuarter? quarter = null, CancellationToken ct = default) =>
        ResolveStrategyId(await DataAsync(ct), requested, quarter ?? (await cycle.NowAsync(ct)).Quarter);

    /// <summary>
    /// A page's strategy and quarter from its query string: the quarter asked for or the quarter under
    /// review; the strategy asked for or the strategy of that quarter. Null when there is no strategy.
    /// </summary>
    public async Task<(int StrategyId, FinancialQuarter Quarter)?> ResolveAsync(int? strategy, int? year, int? quarter, CancellationToken ct = default)
    {
        var q = FinancialQuarter.TryCreate(year, quarter, out var asked) ? asked : (await cycle.NowAsync(ct)).Quarter;
        return ResolveStrategyId(await DataAsync(ct), strategy, q) is { } id ? (id, q) : null;
    }

    /// <summary>The current strategy: the one that takes the updates for the quarter under review.</summary>
    public Task<int?> CurrentStrategyIdAsync(CancellationToken ct = default) => ResolveStrategyIdAsync(null, null, ct);

    static int? ResolveStrategyId(StrategyData data, int? requested, FinancialQuarter quarter)
    {
        if (requested is not null && data.Find(requested.Value) is not null) return requested;
        return StrategyPeriod.For(data.Strategies.Select(s => new StrategyPeriod(s.Id, s.StartYear, s.EndYear, s.IsRetired)), quarter);
    }

    /// <summary>The current strategy read straight from the database, for writers that do not use the cache (the reminders).</summary>
    public static async Task<int?> StrategyOfQuarterAsync(TrackerDbContext db, FinancialQuarter quarter, CancellationToken ct) =>
        StrategyPeriod.For(await db.Strategies.AsNoTracking().Select(s => new StrategyPeriod(s.Id, s.StartYear, s.EndYear, s.IsRetired)).ToListAsync(ct), quarter);

    /// <summary>
    /// The strategy as it stood in a quarter: each action's current update, roll-ups and metrics. With
    /// <paramref name="asAt"/> (a meeting's papers deadline), only updates recorded before it count, so
    /// the report reads as it did when the papers went out; later corrections are new rows and are left out.
    /// </summary>
    public async Task<StrategyView?> LoadAsync(int strategyId, FinancialQuarter quarter, CancellationToken ct = default, DateTimeOffset? asAt = null)
    {
        var data = await DataAsync(ct);
        if (asAt is { } at) data = await MetricsAndOverridesAsAtAsync(data, at, ct);
        return View(data, strategyId, quarter, withMetricsAndLock: true, asAt);
    }

    /// <summary>
    /// The metrics' figures and the roll-up overrides as they stood at <paramref name="asAt"/>. Both are
    /// edited in place, so the dated record is the audit trail (<see cref="AuditRewind"/>): figures and
    /// overrides entered after it are left out, those changed after it read as they were (the suggested
    /// RAG worked out again from the figures then), and those removed after it are put back.
    /// </summary>
    async Task<StrategyData> MetricsAndOverridesAsAtAsync(StrategyData data, DateTimeOffset asAt, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var valuesLog = await AuditRewind.ReadAsync(db, nameof(MetricValue), asAt, ct);
        var overridesLog = await AuditRewind.ReadAsync(db, nameof(RollUpOverride), asAt, ct);
        var thresholds = await db.Metrics.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);

        MetricValueRead Figures(Metric? metric, int id, int version, int year, int quarter, string period, int count, int previous, RagStatus? over, string? reason)
        {
            var value = new MetricValue { PeriodLabel = period, Count = count, PreviousCount = previous };
            return new MetricValueRead(id, version, year, quarter, period, count, previous, value.ChangePercent, value.ChangeText,
                metric?.Suggest(value.ChangePercent) ?? RagStatus.Amber, over, reason);
        }
        var removedValues = valuesLog.Deleted().Select(d => (MetricId: d.Values.Int(nameof(MetricValue.MetricId), 0), d.Id, d.Values)).ToList();
        var metrics = data.Metrics.Select(m => m with
        {
            Values = m.Values.Where(v => !valuesLog.AddedAfter(v.Id))
                .Select(v => valuesLog.Changed(v.Id) is not { } was ? v : Figures(thresholds.GetValueOrDefault(m.Id), v.Id, v.Version,
                    was.Int(nameof(MetricValue.Year), v.Year), was.Int(nameof(MetricValue.Quarter), v.Quarter),
                    was.Text(nameof(MetricValue.PeriodLabel), v.PeriodLabel), was.Int(nameof(MetricValue.Count), v.Count),
                    was.Int(nameof(MetricValue.PreviousCount), v.PreviousCount), was.EnumOrNull(nameof(MetricValue.RagOverride), v.Override),
                    was.TextOrNull(nameof(MetricValue.OverrideReason), v.OverrideReason)))
                .Concat(removedValues.Where(d => d.MetricId == m.Id).Select(d => Figures(thresholds.GetValueOrDefault(m.Id), d.Id, 0,
                    d.Values.Int(nameof(MetricValue.Year), 0), d.Values.Int(nameof(MetricValue.Quarter), 0), d.Values.Text(nameof(MetricValue.PeriodLabel), ""),
                    d.Values.Int(nameof(MetricValue.Count), 0), d.Values.Int(nameof(MetricValue.PreviousCount), 0),
                    d.Values.EnumOrNull<RagStatus>(nameof(MetricValue.RagOverride), null), d.Values.TextOrNull(nameof(MetricValue.OverrideReason), null))))
                .OrderBy(v => v.Year).ThenBy(v => v.Quarter).ThenBy(v => v.Id).ToList(),
        }).ToList();

        var overrides = data.Overrides.Where(o => !overridesLog.AddedAfter(o.Id))
            .Select(o => overridesLog.Changed(o.Id) is not { } was ? o : o with
            {
                Rag = was.Enum(nameof(RollUpOverride.Rag), o.Rag), Reason = was.Text(nameof(RollUpOverride.Reason), o.Reason),
            })
            .Concat(overridesLog.Deleted().Select(d => new OverrideRead(d.Values.Enum(nameof(RollUpOverride.Level), RollUpLevel.Objective),
                d.Values.Int(nameof(RollUpOverride.TargetId), 0), d.Values.Int(nameof(RollUpOverride.Year), 0), d.Values.Int(nameof(RollUpOverride.Quarter), 0),
                d.Values.Enum(nameof(RollUpOverride.Rag), RagStatus.Amber), d.Values.Text(nameof(RollUpOverride.Reason), "")) { Id = d.Id }))
            .ToList();
        return data with { Metrics = metrics, Overrides = overrides };
    }

    /// <param name="withMetricsAndLock">False for the dashboard, which shows neither.</param>
    static StrategyView? View(StrategyData data, int strategyId, FinancialQuarter quarter, bool withMetricsAndLock, DateTimeOffset? asAt = null)
    {
        if (data.Find(strategyId) is not { } strategy) return null;
        var previous = quarter.Previous;
        var actionIds = strategy.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).Select(a => a.Id).ToHashSet();
        bool Counts(UpdateRead u) => actionIds.Contains(u.ActionId) && (asAt is not { } at || u.View.RecordedAt < at);
        var current = LatestBy(data.UpdatesIn(quarter).Where(Counts));
        var before = LatestBy(data.UpdatesIn(previous).Where(Counts));
        var overrides = data.Overrides.Where(o => o.Year == quarter.Year && o.Quarter == quarter.Quarter).ToList();

        var priorities = new List<PriorityView>();
        foreach (var priority in strategy.Priorities.Where(p => !p.IsRetired).OrderBy(p => p.Number))
        {
            var objectives = new List<ObjectiveView>();
            foreach (var objective in priority.Objectives.OrderBy(o => o.Order).ThenBy(o => o.Number))
            {
                var actions = objective.Actions.OrderBy(a => a.Order)
                    .Where(a => !a.IsRetired || current.ContainsKey(a.Id))
                    .Select(a => ToView(a, current.GetValueOrDefault(a.Id), before.GetValueOrDefault(a.Id)?.Rag))
                    .ToList();
                // Retired objectives stay out of new quarters but remain in the quarters they were reported in.
                if (objective.IsRetired && actions.All(a => a.Update is null)) continue;
                var over = overrides.FirstOrDefault(o => o.Level == RollUpLevel.Objective && o.TargetId == objective.Id);
                objectives.Add(new ObjectiveView(objective.Id, objective.Number, objective.Title, objective.Description,
                    objective.SubPriority, objective.IsRetired, RollUpOf(actions.Select(a => a.Rag), over), actions));
            }
            var priorityOverride = overrides.FirstOrDefault(o => o.Level == RollUpLevel.Priority && o.TargetId == priority.Id);
            priorities.Add(new PriorityView(priority.Id, priority.Number, priority.Heading, priority.Title, priority.Description,
                priority.LeadPartner,
                priority.SubPriorities.Where(s => !s.IsRetired).OrderBy(s => s.Number).Select(s => (s.Number, s.Title)).ToList(),
                RollUpOf(objectives.SelectMany(o => o.Actions).Select(a => a.Rag), priorityOverride), objectives));
        }
        if (!withMetricsAndLock) return new StrategyView(strategy.Id, strategy.Title, quarter, priorities, [], null);
        var lockView = data.Locks.Where(l => l.StrategyId == strategyId && l.Year == quarter.Year && l.Quarter == quarter.Quarter)
            .Select(l => new QuarterLockView(l.LockedBy, l.LockedAt)).SingleOrDefault();
        return new StrategyView(strategy.Id, strategy.Title, quarter, priorities, Metrics(data, strategyId, quarter), lockView);
    }

    static RollUpRag RollUpOf(IEnumerable<RagStatus?> ratings, OverrideRead? over) =>
        over is null ? RollUp.Of(ratings, null) : over.Apply(ratings);

    static List<MetricRow> Metrics(StrategyData data, int strategyId, FinancialQuarter quarter) =>
        data.Metrics.Where(m => m.StrategyId == strategyId)
            .SelectMany(m => m.Values.Where(v => v.Year == quarter.Year && v.Quarter == quarter.Quarter).OrderBy(v => v.Id)
                .Select(v => new MetricRow(v.Id, v.Version, m.Name, m.PriorityHeading, v.Count, v.PreviousCount,
                    v.ChangePercent, v.ChangeText, v.Suggested, v.Override, v.OverrideReason, v.PeriodLabel) { PriorityId = m.PriorityId }))
            .ToList();

    public async Task<QuarterLockView?> LockAsync(int strategyId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await LockAsync(db, strategyId, quarter, ct);
    }

    static Task<QuarterLockView?> LockAsync(TrackerDbContext db, int strategyId, FinancialQuarter quarter, CancellationToken ct) =>
        db.QuarterLocks.AsNoTracking()
            .Where(l => l.StrategyId == strategyId && l.Year == quarter.Year && l.Quarter == quarter.Quarter)
            .Select(l => new QuarterLockView(l.LockedBy, l.LockedAt)).SingleOrDefaultAsync(ct);

    static Dictionary<int, UpdateView> LatestBy(IEnumerable<UpdateRead> updates) =>
        updates.GroupBy(u => u.ActionId)
            .ToDictionary(g => g.Key, g => g.Select(u => u.View).OrderByDescending(u => u.RecordedAt).ThenByDescending(u => u.Id).First());

    internal static UpdateView View(QuarterlyUpdate u) => new(u.Id, u.Year * 10 + u.Quarter, u.Rag, u.Narrative, u.EvidenceLink, u.AuthorName, u.RecordedAt);

    static ActionView ToView(ActionRead a, UpdateView? update, RagStatus? previous) =>
        new(a.Id, a.Number, a.Description, a.Owners.Select(o => o.Initials).ToList(), a.Owners.Select(o => o.Name).ToList(),
            a.GroupName, a.LeadPartnerCode, a.StartDate, a.TargetDate, a.Status, a.IsRetired, update, previous);

    static ActionView ToView(StrategyAction a, QuarterlyUpdate? update, RagStatus? previous) =>
        ToView(Read(a), update is null ? null : View(update), previous);

    /// <summary>An action, its owners and dates, and its RAG in every quarter of the strategy with each narrative.</summary>
    public async Task<ActionDetail?> GetActionAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var action = await db.StrategyActions.AsNoTracking().AsSplitQuery()
            .Include(a => a.Owners).ThenInclude(o => o.Person)
            .Include(a => a.OwningGroup).ThenInclude(g => g!.Members)
            .Include(a => a.LeadPartner)
            .Include(a => a.Updates)
            .Include(a => a.Objective!).ThenInclude(o => o.Priority!).ThenInclude(p => p.Strategy)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return null;
        var strategy = action.Objective!.Priority!.Strategy!;
        var locks = await db.QuarterLocks.AsNoTracking().Where(l => l.StrategyId == strategy.Id)
            .Select(l => l.Year * 10 + l.Quarter).ToListAsync(ct);
        // From the action's start (or the strategy's) to the current quarter: no empty quarters before it began or after today.
        var start = action.StartDate is { } begun ? FinancialQuarter.Containing(begun) : strategy.FirstQuarter;
        var current = cycle.CurrentQuarter;
        var end = current < strategy.LastQuarter ? current : strategy.LastQuarter;
        var last = new[] { end < start ? start : end }.Concat(action.Updates.Select(u => u.FinancialQuarter)).Max();
        var first = new[] { start }.Concat(action.Updates.Select(u => u.FinancialQuarter)).Min();
        var timeline = FinancialQuarter.Range(first, last).Reverse().Select(q =>
        {
            var rows = action.Updates.Where(u => u.Year == q.Year && u.Quarter == q.Quarter)
                .OrderByDescending(u => u.RecordedAt).ThenByDescending(u => u.Id).Select(View).ToList();
            return new TimelineEntry(q, rows.FirstOrDefault(), rows.Skip(1).ToList(), locks.Contains(q.Key));
        }).ToList();
        var view = ToView(action, action.CurrentUpdate(current), null);
        var underReview = (await cycle.NowAsync(ct)).Quarter;
        var isHistory = underReview > strategy.LastQuarter && await StrategyOfQuarterAsync(db, underReview, ct) is { } currentStrategy && currentStrategy != strategy.Id;
        return new ActionDetail(strategy.Id, strategy.Title, action.Objective.Priority.Heading, action.Objective.Title,
            action.Objective.Number, view, timeline, StrategyPermissions.CanUpdate(user, action)) { IsHistory = isHistory };
    }

    /// <summary>The signed-in lead's actions for the quarter under review: theirs, or their sub-group's.</summary>
    public async Task<MyUpdatesView> MyUpdatesAsync(CancellationToken ct = default)
    {
        var review = await cycle.NowAsync(ct);
        var quarter = review.Quarter;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var definitions = await DefinitionsAsync(db, ct);
        if (user.PersonId is not { } me) return new MyUpdatesView(review, [], definitions);
        // Only the current strategy's actions: an earlier strategy is history and takes no updates for this quarter.
        if (await StrategyOfQuarterAsync(db, quarter, ct) is not { } strategyId) return new MyUpdatesView(review, [], definitions);
        // Updates up to this quarter: this quarter's status and the last one before it (what a lead carries forward).
        var actions = await db.StrategyActions.AsNoTracking().AsSplitQuery()
            .Include(a => a.OwningGroup)
            .Include(a => a.Updates.Where(u => u.Year * 10 + u.Quarter <= quarter.Year * 10 + quarter.Quarter))
            .Include(a => a.Objective!).ThenInclude(o => o.Priority)
            .Where(a => !a.IsRetired && !a.Objective!.IsRetired && a.Objective.Priority!.StrategyId == strategyId && !a.Objective.Priority.IsRetired
                        && (a.Owners.Any(o => o.PersonId == me) || a.OwningGroup!.Members.Any(m => m.PersonId == me && m.IsLead)))
            .ToListAsync(ct);
        var locked = (await db.QuarterLocks.AsNoTracking().Where(l => l.Year == quarter.Year && l.Quarter == quarter.Quarter)
            .Select(l => l.StrategyId).ToListAsync(ct)).ToHashSet();
        var rows = actions
            .OrderBy(a => a.Objective!.Priority!.Number).ThenBy(a => a.Objective!.Order).ThenBy(a => a.Objective!.Number).ThenBy(a => a.Order)
            .Select(a =>
            {
                var update = a.CurrentUpdate(quarter);
                var previous = a.LastUpdateBefore(quarter);
                var state = locked.Contains(a.Objective!.Priority!.StrategyId) ? MyUpdateState.Locked
                    : update is null ? MyUpdateState.NotUpdated : MyUpdateState.Updated;
                return new MyUpdateRow(a.Id, a.Number, a.Description, a.OwningGroup?.Name, state, update?.Rag)
                {
                    Version = a.Version,
                    PriorityId = a.Objective.PriorityId,
                    PriorityHeading = a.Objective.Priority.Heading,
                    ObjectiveId = a.ObjectiveId,
                    ObjectiveHeading = $"Objective {a.Objective.Number}: {a.Objective.Title}",
                    Current = update is null ? null : View(update),
                    Previous = previous is null ? null : View(previous),
                };
            }).ToList();
        return new MyUpdatesView(review, rows, definitions);
    }

    /// <summary>For the clerk and chair: per sub-group and per lead, how many actions are updated, outstanding or late.</summary>
    public async Task<Completeness?> CompletenessAsync(int strategyId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        var view = await LoadAsync(strategyId, quarter, ct);
        if (view is null) return null;
        var review = await cycle.ForAsync(quarter, ct);
        var pastDeadline = review.PastDeadline;
        var actions = view.Actions.Where(a => !a.IsRetired).ToList();
        // Each action counts once for its sub-group and once for each of its owners.
        await using var db = await dbs.CreateDbContextAsync(ct);
        var groupLeads = await db.Groups.AsNoTracking().Select(g => new { g.Name, Leads = g.Members.Where(m => m.IsLead).Select(m => m.Person!.Name).ToList() })
            .ToDictionaryAsync(g => g.Name, g => g.Leads, ct);
        CompletenessRow Count(string name, IEnumerable<ActionView> set)
        {
            var list = set.ToList();
            var updated = list.Count(a => a.Update is not null);
            var missing = list.Count - updated;
            return new CompletenessRow(name, updated, pastDeadline ? 0 : missing, pastDeadline ? missing : 0);
        }
        // Actions no sub-group owns are named one by one, not counted in a "No sub-group" row.
        var byGroup = actions.Where(a => a.GroupName is not null).GroupBy(a => a.GroupName!).OrderBy(g => g.Key)
            .Select(g => Count(g.Key + (groupLeads.TryGetValue(g.Key, out var leads) && leads.Count > 0 ? $" (lead: {string.Join(", ", leads)})" : ""), g))
            .ToList();
        var withoutGroup = actions.Where(a => a.GroupName is null).ToList();
        // A lead answers for the actions they own and those of the sub-groups they lead: the same actions as their My updates.
        IEnumerable<string> Answerable(ActionView a) =>
            a.OwnerNames.Concat(a.GroupName is { } g && groupLeads.TryGetValue(g, out var leads) ? leads : []).Distinct();
        var people = (await db.People.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Min(p => p.Id));
        var byLead = actions.SelectMany(a => Answerable(a).Select(n => (Name: n, Action: a))).GroupBy(x => x.Name).OrderBy(g => g.Key)
            .Select(g => Count(g.Key, g.Select(x => x.Action)) with { PersonId = people.TryGetValue(g.Key, out var id) ? id : null }).ToList();
        return new Completeness(view.Id, view.Title, review, byGroup, byLead, view.Lock, withoutGroup);
    }

    /// <summary>Count of actions by RAG per priority, with the previous quarter's counts for the change.</summary>
    public async Task<DashboardSummary?> DashboardAsync(CancellationToken ct = default)
    {
        // One read of the cached data for the strategy and the view of the quarter under review.
        var data = await DataAsync(ct);
        var quarter = (await cycle.NowAsync(ct)).Quarter;
        if (ResolveStrategyId(data, null, quarter) is not { } id) return null;
        if (View(data, id, quarter, withMetricsAndLock: false) is not { } view) return null;
        RagStatus?[] scale = [RagStatus.Red, RagStatus.Amber, RagStatus.Green, RagStatus.Blue, null];
        var priorities = view.Priorities.Select(p => new PrioritySummary(p.Heading,
            scale.Select(r => new RagCount(r, p.Actions.Count(a => a.Rag == r), p.Actions.Count(a => a.PreviousRag == r))).ToList())).ToList();
        return new DashboardSummary(view.Id, view.Title, quarter, priorities);
    }

    /// <summary>
    /// For the report's charts: each priority's actions by RAG in the four quarters up to
    /// <paramref name="quarter"/>, and each metric's rolling-year counts over the quarters it has figures for.
    /// </summary>
    public async Task<ChartData?> ChartsAsync(int strategyId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var quarters = new[] { quarter.Previous.Previous.Previous, quarter.Previous.Previous, quarter.Previous, quarter };
        var views = quarters.Select(q => View(data, strategyId, q, withMetricsAndLock: false)).ToList();
        if (views[^1] is not { } last) return null;
        RagStatus?[] scale = [RagStatus.Blue, RagStatus.Green, RagStatus.Amber, RagStatus.Red, null];
        var mixes = last.Priorities.Select(p => new PriorityRagMix(p.Heading,
            quarters.Select((q, i) => new QuarterRagCounts(q,
                scale.Select(r => new RagCount(r, views[i]?.Priorities.FirstOrDefault(x => x.Id == p.Id)?.Actions.Count(a => a.Rag == r) ?? 0, 0)).ToList()))
                .ToList())).ToList();
        var trends = data.Metrics.Where(m => m.StrategyId == strategyId && m.Values.Count > 0)
            .Select(m => new MetricTrend(m.Name, m.Values.Where(v => v.FinancialQuarter <= quarter)
                .Select(v => new MetricPoint(v.FinancialQuarter, v.PeriodLabel, v.Count, v.PreviousCount, v.ChangeText, v.Rag)).ToList()))
            .Where(t => t.Points.Count > 0).ToList();
        return new ChartData(quarters, mixes, trends);
    }

    public async Task<IReadOnlyDictionary<RagStatus, string>> DefinitionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await DefinitionsAsync(db, ct);
    }

    static async Task<IReadOnlyDictionary<RagStatus, string>> DefinitionsAsync(TrackerDbContext db, CancellationToken ct)
    {
        var saved = await db.RagDefinitions.AsNoTracking().ToDictionaryAsync(d => d.Status, d => d.Definition, ct);
        return Rag.All.ToDictionary(r => r, r => saved.GetValueOrDefault(r) ?? Rag.DefaultDefinitions[r]);
    }

    public async Task<UpdateForm?> GetUpdateFormAsync(int actionId, FinancialQuarter quarter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var action = await db.StrategyActions.AsNoTracking().AsSplitQuery()
            .Include(a => a.Owners)
            .Include(a => a.OwningGroup).ThenInclude(g => g!.Members)
            .Include(a => a.Updates)
            .Include(a => a.Objective!).ThenInclude(o => o.Priority!).ThenInclude(p => p.Strategy)
            .SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null) return null;
        var strategy = action.Objective!.Priority!.Strategy!;
        var current = action.CurrentUpdate(quarter);
        var previous = action.LastUpdateBefore(quarter);
        return new UpdateForm(action.Id, action.Version, action.Number, action.Description, strategy.Title, quarter,
            current is null ? null : View(current), previous is null ? null : View(previous), await DefinitionsAsync(db, ct),
            await LockAsync(db, strategy.Id, quarter, ct), StrategyPermissions.CanUpdate(user, action));
    }
}

public static class StrategyPermissions
{
    /// <summary>
    /// Administrators and the chair may update any action; a lead only actions they own or that a
    /// sub-group they lead owns; members nothing. Needs the action's owners and group members loaded.
    /// </summary>
    public static bool CanUpdate(ICurrentUser user, StrategyAction action)
    {
        if (user.CanEditEverything()) return true;
        if (!user.IsInRole(TrackerRoles.Lead) || user.PersonId is not { } me) return false;
        return action.Owners.Any(o => o.PersonId == me)
               || (action.OwningGroup?.Members.Any(m => m.PersonId == me && m.IsLead) ?? false);
    }
}
