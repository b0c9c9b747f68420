using Tracker.App.Live;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>What the register, its heat map and the dashboard panel are computed from.</summary>
/// <remarks>Shared between requests: read it, never change it.</remarks>
public sealed record RiskData(
    RiskSettings Settings,
    IReadOnlyList<RiskCategory> Categories,
    IReadOnlyList<Risk> Risks,
    IReadOnlyDictionary<int, string> GroupNames,
    IReadOnlyList<(int Id, string Name)> GroupOptions,
    IReadOnlyList<DateOnly> ReviewDates);

/// <summary>
/// Keeps the register's data in memory between requests. The register, its live fragments and the
/// dashboard panel read it many times a second and it changes a few times a day; loading it took
/// about ten queries a request. Every commit that touches risks or groups moves the change feed's
/// version of that area on (after the commit, before the broadcast), and a copy stamped with an
/// older version is never served, so a reader sees its own and everyone else's saves at once.
/// A copy loaded while a save commits is stamped with the version read before loading, so it is
/// thrown away rather than kept stale.
/// </summary>
public sealed class RiskDataCache(ChangeFeed feed)
{
    sealed record Entry(long Version, RiskData Data);

    Entry? _entry;

    // Risks, their children, reviews, settings and categories are the "risks" area; group names are "people".
    long Version => feed.VersionOf("risks") + feed.VersionOf("people");

    public async Task<RiskData> GetAsync(Func<CancellationToken, Task<RiskData>> load, CancellationToken ct)
    {
        var version = Version;
        if (Volatile.Read(ref _entry) is { } entry && entry.Version == version) return entry.Data;
        var data = await load(ct);
        Volatile.Write(ref _entry, new Entry(version, data));
        return data;
    }
}
