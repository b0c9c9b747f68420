using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

public sealed record AdminMetricValueRow(int Id, FinancialQuarter Quarter, string PeriodLabel, int Count, int PreviousCount,
    string ChangeText, RagStatus Suggested, RagStatus? Override);
public sealed record AdminMetricRow(int Id, string Name, bool LowerIsBetter, decimal AmberAbovePercent, decimal RedAbovePercent,
    IReadOnlyList<AdminMetricValueRow> Values);
/// <summary>The metrics of one priority (or, with no priority, those linked to none).</summary>
public sealed record AdminMetricGroup(int? PriorityId, string Heading, IReadOnlyList<AdminMetricRow> Metrics);
public sealed record MetricForEdit(int Id, int StrategyId, int Version, MetricInput Input);
public sealed record MetricValueForEdit(int Id, int MetricId, string MetricName, int StrategyId, int Version, MetricValueInput Input);
/// <summary>What a saved period's figures came to, shown to the administrator after saving.</summary>
public sealed record SavedMetricValue(string MetricName, FinancialQuarter Quarter, string ChangeText, RagStatus Suggested, RagStatus? Override);

/// <summary>
/// Administrators set up metrics (name, direction, linked priority, thresholds) and enter each period's
/// figures; the % change and suggested RAG are computed by the Domain, never typed.
/// </summary>
public sealed class MetricsAdminService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    static readonly MetricInputValidator _metricValidator = new();
    static readonly MetricValueInputValidator _valueValidator = new();
    const string OnlyAdministrators = "Only administrators can change the metrics";

    public async Task<IReadOnlyList<AdminMetricGroup>> ListAsync(int strategyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.StrategyId == strategyId).OrderBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.Title }).ToListAsync(ct);
        var metrics = await db.Metrics.AsNoTracking().Include(m => m.Values)
            .Where(m => m.StrategyId == strategyId).OrderBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(ct);
        AdminMetricRow Row(Metric m) => new(m.Id, m.Name, m.LowerIsBetter, m.AmberAbovePercent, m.RedAbovePercent,
            m.Values.OrderByDescending(v => v.Year).ThenByDescending(v => v.Quarter)
                .Select(v => new AdminMetricValueRow(v.Id, new FinancialQuarter(v.Year, v.Quarter), v.PeriodLabel, v.Count, v.PreviousCount,
                    v.ChangeText, m.Suggest(v.ChangePercent), v.RagOverride)).ToList());
        var groups = priorities.Select(p => new AdminMetricGroup(p.Id, Priority.HeadingOf(p.Number, p.Title),
            metrics.Where(m => m.PriorityId == p.Id).Select(Row).ToList())).ToList();
        var unlinked = metrics.Where(m => m.PriorityId is null || priorities.All(p => p.Id != m.PriorityId)).Select(Row).ToList();
        if (unlinked.Count > 0) groups.Add(new AdminMetricGroup(null, "Not linked to a priority", unlinked));
        return groups;
    }

    public async Task<IReadOnlyList<(int Id, string Heading)>> PrioritiesAsync(int strategyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.Priorities.AsNoTracking().Where(p => p.StrategyId == strategyId).OrderBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.Title }).ToListAsync(ct))
        .Select(p => (p.Id, Priority.HeadingOf(p.Number, p.Title))).ToList();
    }

    public async Task<MetricForEdit?> GetMetricAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Metrics.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MetricForEdit(m.Id, m.StrategyId, m.Version,
                new MetricInput(m.Name, m.PriorityId, m.LowerIsBetter, m.AmberAbovePercent, m.RedAbovePercent)))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Creates (no <paramref name="id"/>) or changes a metric of <paramref name="strategyId"/>.</summary>
    public async Task<SaveResult> SaveMetricAsync(int strategyId, int? id, int loadedVersion, MetricInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _metricValidator.Check(input).ToList();
        if (input.PriorityId is { } priorityId && !await db.Priorities.AnyAsync(p => p.Id == priorityId && p.StrategyId == strategyId, ct))
            errors.Add(new FieldError(nameof(MetricInput.PriorityId), "Select a priority of this strategy, or none"));
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        if (id is null)
        {
            if (!await db.Strategies.AnyAsync(s => s.Id == strategyId, ct)) return SaveResult.Missing();
            var order = await db.Metrics.Where(m => m.StrategyId == strategyId).MaxAsync(m => (int?)m.Order, ct) ?? 0;
            var created = new Metric { StrategyId = strategyId, Name = "", Order = order + 1 };
            created.Update(input);
            db.Metrics.Add(created);
            return await db.SaveNewAsync(() => SaveResult.Saved(created.Id, created.Version), ct);
        }
        var metric = await db.Metrics.SingleOrDefaultAsync(m => m.Id == id && m.StrategyId == strategyId, ct);
        if (metric is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Values() =>
        [
            new("Name", "Name", metric.Name),
            new("AmberAbovePercent", "Amber threshold", metric.AmberAbovePercent.ToString("0.#")),
            new("RedAbovePercent", "Red threshold", metric.RedAbovePercent.ToString("0.#")),
        ];
        return await db.SaveVersionedAsync(metric, loadedVersion, Values, () =>
        {
            metric.Update(input);
            return null;
        }, ct);
    }

    public async Task<(int Id, string Name, int StrategyId)?> MetricNameAsync(int metricId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Metrics.AsNoTracking().Where(m => m.Id == metricId).Select(m => new { m.Id, m.Name, m.StrategyId }).SingleOrDefaultAsync(ct) is { } m
            ? (m.Id, m.Name, m.StrategyId) : null;
    }

    public async Task<MetricValueForEdit?> GetValueAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.MetricValues.AsNoTracking().Where(v => v.Id == id)
            .Select(v => new MetricValueForEdit(v.Id, v.MetricId, v.Metric!.Name, v.Metric.StrategyId, v.Version,
                new MetricValueInput(v.Year, v.Quarter, v.PeriodLabel, v.Count, v.PreviousCount)))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The figures as saved, with the computed % change and suggested RAG.</summary>
    public async Task<SavedMetricValue?> SavedAsync(int valueId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var value = await db.MetricValues.AsNoTracking().Include(v => v.Metric).SingleOrDefaultAsync(v => v.Id == valueId, ct);
        return value?.Metric is null ? null : new SavedMetricValue(value.Metric.Name, new FinancialQuarter(value.Year, value.Quarter),
            value.ChangeText, value.Metric.Suggest(value.ChangePercent), value.RagOverride);
    }

    /// <summary>Creates (no <paramref name="id"/>) or changes a period's figures of <paramref name="metricId"/>; one set per quarter.</summary>
    public async Task<SaveResult> SaveValueAsync(int metricId, int? id, int loadedVersion, MetricValueInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = _valueValidator.Check(input).ToList();
        if (errors.Count == 0 && await db.MetricValues.AnyAsync(v => v.MetricId == metricId && v.Year == input.Year && v.Quarter == input.Quarter && v.Id != id, ct))
            errors.Add(new FieldError(nameof(MetricValueInput.Quarter),
                $"There are already figures for {new FinancialQuarter(input.Year!.Value, input.Quarter!.Value).Label}: change those instead"));
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!user.IsAdministrator()) return SaveResult.Forbidden(OnlyAdministrators);
        if (id is null)
        {
            var metric = await db.Metrics.SingleOrDefaultAsync(m => m.Id == metricId, ct);
            if (metric is null) return SaveResult.Missing();
            var created = metric.AddValue(new FinancialQuarter(input.Year!.Value, input.Quarter!.Value), "", 0, 0);
            created.Update(input);
            return await db.SaveNewAsync(() => SaveResult.Saved(created.Id, created.Version), ct, FiguresExist(input));
        }
        var value = await db.MetricValues.SingleOrDefaultAsync(v => v.Id == id && v.MetricId == metricId, ct);
        if (value is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Values() =>
        [
            new("PeriodLabel", "Period", value.PeriodLabel),
            new("Count", "Rolling 12-month count", value.Count.ToString()),
            new("PreviousCount", "Previous rolling year", value.PreviousCount.ToString()),
        ];
        return await db.SaveVersionedAsync(value, loadedVersion, Values, () =>
        {
            value.Update(input);
            return null;
        }, ct, FiguresExist(input));
    }

    static UniqueRule FiguresExist(MetricValueInput input) =>
        new("MetricValues.MetricId", nameof(MetricValueInput.Quarter),
            $"There are already figures for {new FinancialQuarter(input.Year!.Value, input.Quarter!.Value).Label}: change those instead");
}
