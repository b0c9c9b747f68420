using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;

namespace Tracker.App.Live;

/// <summary>Sends committed changes to the browsers viewing them. Only the change interceptor calls this.</summary>
public sealed class ChangeFeed(IHubContext<TrackerHub> hub, ILogger<ChangeFeed> logger)
{
    public const string EventName = "changed";

    /// <summary>
    /// Several rows of one record saved together (a risk and its new snapshot) make one event: the
    /// record's own kind when the rows agree, otherwise "updated", with the highest version.
    /// </summary>
    public static IEnumerable<ChangeEvent> OnePerRecord(IEnumerable<ChangeEvent> changes) =>
        changes.GroupBy(c => (c.Area, c.Key, c.Label)).Select(rows =>
        {
            var first = rows.First();
            var kind = rows.All(r => r.Kind == first.Kind) ? first.Kind : "updated";
            return first with { Kind = kind, Version = rows.Max(r => r.Version) };
        });

    readonly ConcurrentDictionary<string, StrongBox<long>> _versions = new();

    /// <summary>
    /// How many commits have touched an area: in-memory caches of an area's data stamp what they
    /// load with it and reload once it moves on (see <see cref="CommittedDataCache{T}"/>).
    /// </summary>
    public long VersionOf(string area) => Interlocked.Read(ref _versions.GetOrAdd(area, _ => new StrongBox<long>()).Value);

    public async Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken = default)
    {
        // Before broadcasting, so a browser re-fetching a fragment on the event never gets a cached copy.
        foreach (var area in changes.Select(c => c.Area).Distinct())
            Interlocked.Increment(ref _versions.GetOrAdd(area, _ => new StrongBox<long>()).Value);
        foreach (var change in OnePerRecord(changes))
        {
            try
            {
                await hub.Clients.Groups(change.Groups.ToList()).SendAsync(EventName, change, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is committed; a failed broadcast must not turn a saved change into an error page.
                logger.LogWarning(ex, "Could not broadcast {Area}:{Key}", change.Area, change.Key);
            }
        }
    }
}
