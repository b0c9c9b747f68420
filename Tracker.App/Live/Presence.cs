namespace Tracker.App.Live;

/// <summary>
/// Who is looking at what: "Councillor Kate Lymer and 3 others viewing". Counted per person, not per
/// tab, so two tabs of one person count once. With several instances (PostgreSQL) the change relay
/// tells the others what this instance's viewers of a topic are whenever they change, and again every
/// few seconds; another instance's viewers are counted until that instance says goodbye or falls
/// silent for <see cref="RemoteExpiry"/> (it stopped without saying so).
/// </summary>
public sealed class Presence
{
    public sealed record Viewer(string UserId, string Name);

    /// <summary>How long another instance's viewers count without a word from it.</summary>
    public static readonly TimeSpan RemoteExpiry = TimeSpan.FromSeconds(45);

    readonly Lock _lock = new();
    readonly Dictionary<string, List<Viewer>> _byTopic = [];
    readonly Dictionary<string, List<Action>> _watchers = [];
    // Other instances' viewers: instance → topic → (viewers, when last heard).
    readonly Dictionary<string, Dictionary<string, (IReadOnlyList<Viewer> Viewers, DateTimeOffset Heard)>> _remote = [];

    /// <summary>The change relay, told when this instance's viewers of a topic change (null with one instance).</summary>
    public IChangeRelay? Relay { get; set; }

    /// <summary>This instance's viewers of <paramref name="topic"/> (for the relay).</summary>
    public IReadOnlyList<Viewer> LocalViewers(string topic)
    {
        lock (_lock) return _byTopic.TryGetValue(topic, out var viewers) ? [.. viewers.DistinctBy(v => v.UserId)] : [];
    }

    /// <summary>Every topic this instance has viewers of (for the relay's heartbeat).</summary>
    public IReadOnlyList<string> LocalTopics()
    {
        lock (_lock) return [.. _byTopic.Keys];
    }

    /// <summary>Another instance's viewers of a topic, as it last told us.</summary>
    public void ApplyRemote(string instance, string topic, IReadOnlyList<Viewer> viewers, DateTimeOffset heard)
    {
        bool changed;
        lock (_lock)
        {
            if (!_remote.TryGetValue(instance, out var topics)) _remote[instance] = topics = [];
            changed = !topics.TryGetValue(topic, out var before) || !before.Viewers.SequenceEqual(viewers);
            if (viewers.Count == 0) topics.Remove(topic);
            else topics[topic] = (viewers, heard);
        }
        if (changed) Notify(topic);
    }

    /// <summary>Marks everything an instance told us as heard now (its heartbeat).</summary>
    public void Heard(string instance, DateTimeOffset heard)
    {
        lock (_lock)
            if (_remote.TryGetValue(instance, out var topics))
                foreach (var topic in topics.Keys.ToList()) topics[topic] = topics[topic] with { Heard = heard };
    }

    /// <summary>Forgets an instance's viewers: it said goodbye, or fell silent before <paramref name="before"/>.</summary>
    public void ForgetRemote(string? instance, DateTimeOffset before)
    {
        var gone = new List<string>();
        lock (_lock)
        {
            foreach (var (name, topics) in _remote)
                foreach (var (topic, entry) in topics.ToList())
                    if (name == instance || entry.Heard < before)
                    {
                        topics.Remove(topic);
                        gone.Add(topic);
                    }
        }
        foreach (var topic in gone.Distinct()) Notify(topic);
    }

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
        Relay?.PresenceChanged(topic);
        return new Leave(() =>
        {
            lock (_lock)
            {
                if (_byTopic.TryGetValue(topic, out var viewers) && viewers.Remove(viewer) && viewers.Count == 0)
                    _byTopic.Remove(topic);
            }
            Notify(topic);
            Relay?.PresenceChanged(topic);
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
            IEnumerable<Viewer> viewers = _byTopic.TryGetValue(topic, out var local) ? local : [];
            foreach (var topics in _remote.Values)
                if (topics.TryGetValue(topic, out var remote)) viewers = viewers.Concat(remote.Viewers);
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
