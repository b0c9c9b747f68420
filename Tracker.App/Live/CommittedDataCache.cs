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
/// <remarks>
/// The data is shared between requests: read it, never change it. One load per version: requests
/// that miss while a load is under way (twenty readers just after a save) wait for that load rather
/// than each loading the same data again; a load that fails is not kept, so the next request tries
/// again. The load itself is not cancelled with the request that started it, as others may be waiting.
/// </remarks>
public abstract class CommittedDataCache<T>(ChangeFeed feed, params string[] areas) where T : class
{
    sealed record Entry(long Version, Task<T> Data);

    Entry? _entry;

    long Version
    {
        get
        {
            long sum = 0;
            foreach (var area in areas) sum += feed.VersionOf(area);
            return sum;
        }
    }

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        var version = Version;
        while (true)
        {
            var entry = Volatile.Read(ref _entry);
            if (entry is not null && entry.Version >= version && !entry.Data.IsFaulted && !entry.Data.IsCanceled)
                return entry.Data.IsCompletedSuccessfully ? entry.Data.Result : await entry.Data.WaitAsync(ct);
            var loading = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = new Entry(version, loading.Task);
            if (Interlocked.CompareExchange(ref _entry, mine, entry) != entry) continue; // another request started a load
            try
            {
                var data = await load(CancellationToken.None);
                loading.SetResult(data);
                return data;
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _entry, null, mine);
                loading.SetException(e);
                _ = loading.Task.Exception; // observed here; waiting requests get it too
                throw;
            }
        }
    }
}
