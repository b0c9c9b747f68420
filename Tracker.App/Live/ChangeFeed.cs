using Microsoft.AspNetCore.SignalR;

namespace Tracker.App.Live;

/// <summary>Sends committed changes to the browsers viewing them. Only the change interceptor calls this.</summary>
public sealed class ChangeFeed(IHubContext<TrackerHub> hub, ILogger<ChangeFeed> logger)
{
    public const string EventName = "changed";

    public async Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken = default)
    {
        // One event per affected record; several rows of one record in one save make one event.
        foreach (var change in changes.DistinctBy(c => (c.Area, c.Key, c.Label)))
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
