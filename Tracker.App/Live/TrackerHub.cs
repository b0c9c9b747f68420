using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Tracker.App.Live;

/// <summary>
/// Signed-in users join the groups for what their page shows (data-live="risks", "meeting:12").
/// Every signed-in role may read every area, so joining needs no further check than a valid name.
/// </summary>
[Authorize]
public sealed partial class TrackerHub(ViewerCounter viewers) : Hub
{
    public const string Path = "/hubs/tracker";

    public async Task<int> Join(string topic)
    {
        if (!TopicPattern().IsMatch(topic)) throw new HubException("Unknown live topic.");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        var count = viewers.Join(Context.ConnectionId, topic);
        await Clients.Group(topic).SendAsync("viewers", topic, count);
        return count;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (topic, count) in viewers.Leave(Context.ConnectionId))
            await Clients.Group(topic).SendAsync("viewers", topic, count);
        await base.OnDisconnectedAsync(exception);
    }

    [GeneratedRegex("^[a-z-]{1,30}(:[A-Za-z0-9-]{1,40})?$")]
    private static partial Regex TopicPattern();
}
