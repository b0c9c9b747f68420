namespace Tracker.App.Live;

/// <summary>
/// Keeps an area's read data in memory between requests, for pages read many times a second whose
/// data changes a few times a day. Every commit touching one of the <paramref name="areas"/> moves the
/// change feed's version of it on, after the commit and before the broadcast, and a copy stamped with
/// an older version is never served: a reader sees its own and everyone else's saves at once, and a
/// page fetched on a live event never gets an older copy. A copy loaded while a save commits is
/// stamped with the version read before loading, so it is thrown away rather than kept stale.
/// Only saves through EF Core's SaveChanges move the versions: a bulk update or raw SQL must not
/// touch the tables a cache reads.
/// </summary>
/// <remarks>The data is shared between requests: read it, never change it.</remarks>
public abstract class CommittedDataCache<T>(ChangeFeed feed, params string[] areas) where T : class
{
    sealed record Entry(long Version, T Data);

    Entry? _entry;

    long Version => areas.Sum(feed.VersionOf);

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        var version = Version;
        if (Volatile.Read(ref _entry) is { } entry && entry.Version == version) return entry.Data;
        var data = await load(ct);
        Volatile.Write(ref _entry, new Entry(version, data));
        return data;
    }
}
