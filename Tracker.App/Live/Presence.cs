namespace Tracker.App.Live;

/// <summary>
/// Who is looking at what: "Councillor Kate Lymer and 3 others viewing". Counted per person, not per
/// tab, so two tabs of one person count once.
/// </summary>
public sealed class Presence
{
    sealed record Viewer(string UserId, string Name);

    readonly Lock _lock = new();
    readonly Dictionary<string, List<Viewer>> _byTopic = [];
    readonly Dictionary<string, List<Action>> _watchers = [];

    /// <summary>Adds one view of <paramref name="topic"/> until the result is disposed.</summary>
    public IDisposable Join(string topic, string userId, string name)
    {
        var viewer = new Viewer(userId, name);
        lock (_lock)
        {
            if (!_byTopic.TryGetValue(topic, out var viewers)) _byTopic[topic] = viewers = [];
            viewers.Add(viewer);
        }
        Notify(topic);
        return new Leave(() =>
        {
            lock (_lock)
            {
                if (_byTopic.TryGetValue(topic, out var viewers) && viewers.Remove(viewer) && viewers.Count == 0)
                    _byTopic.Remove(topic);
            }
            Notify(topic);
        });
    }

    /// <summary>Calls <paramref name="changed"/> whenever someone joins or leaves <paramref name="topic"/>.</summary>
    public IDisposable Watch(string topic, Action changed)
    {
        lock (_lock)
        {
            if (!_watchers.TryGetValue(topic, out var list)) _watchers[topic] = list = [];
            list.Add(changed);
        }
        return new Leave(() =>
        {
            lock (_lock)
            {
                if (_watchers.TryGetValue(topic, out var list) && list.Remove(changed) && list.Count == 0)
                    _watchers.Remove(topic);
            }
        });
    }

    /// <summary>The distinct people viewing <paramref name="topic"/>, other than <paramref name="exceptUserId"/>, by name.</summary>
    public IReadOnlyList<string> OthersViewing(string topic, string? exceptUserId)
    {
        lock (_lock)
        {
            if (!_byTopic.TryGetValue(topic, out var viewers)) return [];
            return viewers.Where(v => v.UserId != exceptUserId).DistinctBy(v => v.UserId)
                .Select(v => v.Name).Order(StringComparer.CurrentCulture).ToList();
        }
    }

    /// <summary>Distinct people viewing, everyone included.</summary>
    public int PeopleViewing(string topic) => OthersViewing(topic, null).Count;

    void Notify(string topic)
    {
        Action[] watchers;
        lock (_lock) watchers = _watchers.TryGetValue(topic, out var list) ? [.. list] : [];
        foreach (var watcher in watchers) watcher();
    }

    sealed class Leave(Action leave) : IDisposable
    {
        int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) leave();
        }
    }

    /// <summary>"Councillor Kate Lymer is also viewing", "Kate Lymer and 3 others are also viewing".</summary>
    public static string Describe(IReadOnlyList<string> others) => others.Count switch
    {
        0 => "No one else is viewing",
        1 => $"{others[0]} is also viewing",
        2 => $"{others[0]} and 1 other are also viewing",
        _ => $"{others[0]} and {others.Count - 1} others are also viewing",
    };
}
