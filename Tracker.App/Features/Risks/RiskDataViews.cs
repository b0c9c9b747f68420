using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>
/// What is worked out from one snapshot of the risk data (<see cref="RiskData"/>) for everyone who asks the
/// same: the register for a filter, sort, comparison date and set of rights, a heat map. A save makes a new
/// snapshot and every open register reloads on it; without this, 1,000 open registers each filtered, sorted
/// and scored every risk again (bench/RESULTS.md, cost growth), and each tab kept its own copy of the rows.
/// The views live as long as their snapshot: nothing to invalidate, nothing kept once no one reads it.
/// </summary>
/// <remarks>Shared views are read by many circuits at once: they must be immutable, as the snapshot is.</remarks>
static class RiskDataViews
{
    /// <summary>A snapshot asked for more views than this (a crowd of distinct searches) computes the rest unshared.</summary>
    const int MaxViews = 64;

    static readonly ConditionalWeakTable<RiskData, ConcurrentDictionary<object, Lazy<Task<object>>>> Views = [];
    static readonly ConditionalWeakTable<RiskMatrix, RiskSettings> Settings = [];

    /// <summary>
    /// The settings of a matrix as one shared, read-only object: snapshots that differ only in their risks share
    /// their matrix, so the registers and heat maps made from them hand components the same settings, and a
    /// component sees at a glance (by reference) that the bands have not changed.
    /// </summary>
    public static RiskSettings SettingsOf(RiskMatrix matrix) => Settings.GetValue(matrix, m => m.ToSettings());

    /// <summary>
    /// The view of <paramref name="data"/> named by <paramref name="key"/> (a value: a record), computed once:
    /// callers that ask while it is being computed wait for that computation rather than repeat it.
    /// </summary>
    public static async Task<T> GetAsync<T>(RiskData data, object key, Func<Task<T>> compute) where T : class
    {
        var views = Views.GetValue(data, _ => new());
        if (!views.TryGetValue(key, out var view))
        {
            if (views.Count >= MaxViews) return await compute();
            view = views.GetOrAdd(key, _ => new(async () => await compute()));
        }
        try
        {
            return (T)await view.Value;
        }
        catch (Exception)
        {
            // Not kept: the next reader computes it again.
            views.TryRemove(new(key, view));
            throw;
        }
    }
}
