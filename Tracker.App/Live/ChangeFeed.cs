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

    public async Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken = default)
    {
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
