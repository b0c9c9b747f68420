namespace Tracker.App.Live;

/// <summary>
/// Who is looking at what: "Councillor Kate Lymer and 3 others viewing". Counted per person, not per
/// tab, so two tabs of one person count once. With several instances (PostgreSQL) the change relay
/// tells the others what this instance's viewers of a topic are whenever they change, and again every
/// few seconds; another instance's viewers are counted until that instance says goodbye or falls
/// silent for <see cref="RemoteExpiry"/> (it stopped without saying so).
/// </summary>
/// <remarks>
/// Built for a full meeting room (1,000 viewers of one topic): joining and leaving cost O(1) (a count of
/// tabs per person; a tab of someone already counted changes nothing anyone sees), the sorted list of
/// people is built once per change and shared by every reader, and watchers and the relay hear of a
/// topic at most once per <see cref="NotifyInterval"/> (at once for the first change after a quiet
/// spell, then once at the end of the interval for everything since), not once per joining viewer.
/// </remarks>
public sealed class Presence
{
    public sealed record Viewer(string UserId, string Name);

    /// <summary>How long another instance's viewers count without a word from it.</summary>
    public static readonly TimeSpan RemoteExpiry = TimeSpan.FromSeconds(45);

    /// <summary>Watchers and the relay hear of a topic's changes at most this often.</summary>
    public TimeSpan NotifyInterval { get; }

    readonly TimeProvider _clock;
    readonly Lock _lock = new();
    readonly Dictionary<string, Topic> _topics = [];
    // Other instances' viewers: instance → topic → (viewers, when last heard).
    readonly Dictionary<string, Dictionary<string, (IReadOnlyList<Viewer> Viewers, DateTimeOffset Heard)>> _remote = [];

    public Presence() : this(TimeProvider.System, TimeSpan.FromSeconds(1)) { }

    public Presence(TimeProvider clock, TimeSpan notifyInterval)
    {
        _clock = clock;
        NotifyInterval = notifyInterval;
    }

    /// <summary>Everything about one topic; guarded by the presence's lock.</summary>
    sealed class Topic
    {
        /// <summary>This instance's viewers: tabs per person.</summary>
        public readonly Dictionary<string, (string Name, int Tabs)> Local = [];
        public readonly HashSet<Watcher> Watchers = [];
        /// <summary>Everyone viewing (here and elsewhere), one per person, by name; null when it must be built again.</summary>
        public People? People;
        public bool LocalChanged, Scheduled;
        public long? LastNotified;
        public bool Empty => Local.Count == 0 && Watchers.Count == 0 && !Scheduled;
    }

    sealed class Watcher(Action changed)
    {
        public Action Changed => changed;
    }

    /// <summary>The distinct people viewing a topic, sorted by name: shared, never changed once built.</summary>
    sealed class People(Viewer[] byName)
    {
        public readonly Viewer[] ByName = byName;
        public readonly HashSet<string> Ids = [.. byName.Select(v => v.UserId)];
    }

    /// <summary>The change relay, told when this instance's viewers of a topic change (null with one instance).</summary>
    public IChangeRelay? Relay { get; set; }

    Topic TopicOf(string topic)
    {
        if (!_topics.TryGetValue(topic, out var state)) _topics[topic] = state = new Topic();
        return state;
    }

    void RemoveIfEmpty(string topic, Topic state)
    {
        if (state.Empty && !HasRemote(topic)) _topics.Remove(topic);
    }

    bool HasRemote(string topic)
    {
        foreach (var topics in _remote.Values)
            if (topics.ContainsKey(topic)) return true;
        return false;
    }

    /// <summary>This instance's viewers of <paramref name="topic"/> (for the relay).</summary>
    public IReadOnlyList<Viewer> LocalViewers(string topic)
    {
        lock (_lock)
            return _topics.TryGetValue(topic, out var state) ? [.. state.Local.Select(p => new Viewer(p.Key, p.Value.Name))] : [];
    }

    /// <summary>Every topic this instance has viewers of (for the relay's heartbeat).</summary>
    public IReadOnlyList<string> LocalTopics()
    {
        lock (_lock) return [.. _topics.Where(t => t.Value.Local.Count > 0).Select(t => t.Key)];
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
            if (changed) Changed(topic, local: false);
        }
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
        lock (_lock)
        {
            foreach (var (name, topics) in _remote)
                foreach (var (topic, entry) in topics.ToList())
                    if (name == instance || entry.Heard < before)
                    {
                        topics.Remove(topic);
                        Changed(topic, local: false);
                    }
        }
    }

    /// <summary>Adds one view of <paramref name="topic"/> until the result is disposed.</summary>
    public IDisposable Join(string topic, string userId, string name)
    {
        lock (_lock)
        {
            var state = TopicOf(topic);
            var tabs = state.Local.TryGetValue(userId, out var person) ? person.Tabs : 0;
            state.Local[userId] = (tabs == 0 ? name : person.Name, tabs + 1);
            // Another tab of someone already viewing changes nothing anyone sees.
            if (tabs == 0) Changed(topic, local: true);
        }
        return new Leave(() =>
        {
            lock (_lock)
            {
                if (!_topics.TryGetValue(topic, out var state) || !state.Local.TryGetValue(userId, out var person)) return;
                if (person.Tabs > 1)
                {
                    state.Local[userId] = person with { Tabs = person.Tabs - 1 };
                    return;
                }
                state.Local.Remove(userId);
                Changed(topic, local: true);
                RemoveIfEmpty(topic, state);
            }
        });
    }

    /// <summary>
    /// Calls <paramref name="changed"/> when the people viewing <paramref name="topic"/> change: at most once
    /// per <see cref="NotifyInterval"/>, on a thread-pool thread (hand it to the component's dispatcher).
    /// </summary>
    public IDisposable Watch(string topic, Action changed)
    {
        var watcher = new Watcher(changed);
        lock (_lock) TopicOf(topic).Watchers.Add(watcher);
        return new Leave(() =>
        {
            lock (_lock)
            {
                if (_topics.TryGetValue(topic, out var state) && state.Watchers.Remove(watcher)) RemoveIfEmpty(topic, state);
            }
        });
    }

    /// <summary>The distinct people viewing <paramref name="topic"/>, other than <paramref name="exceptUserId"/>, by name.</summary>
    public IReadOnlyList<string> OthersViewing(string topic, string? exceptUserId)
    {
        var people = PeopleOf(topic);
        return [.. people.ByName.Where(v => v.UserId != exceptUserId).Select(v => v.Name)];
    }

    /// <summary>
    /// "Kate Lymer and 3 others are also viewing" for <paramref name="exceptUserId"/>, and how many others,
    /// without building a list: what an indicator on every viewer's page asks after each change.
    /// </summary>
    public (string Description, int Others) DescribeOthers(string topic, string? exceptUserId)
    {
        var people = PeopleOf(topic);
        var mine = exceptUserId is not null && people.Ids.Contains(exceptUserId);
        var count = people.ByName.Length - (mine ? 1 : 0);
        var first = count == 0 ? null : people.ByName[0].UserId == exceptUserId ? people.ByName[1].Name : people.ByName[0].Name;
        return (Describe(first, count), count);
    }

    /// <summary>Distinct people viewing, everyone included.</summary>
    public int PeopleViewing(string topic) => PeopleOf(topic).ByName.Length;

    static readonly People Nobody = new([]);

    People PeopleOf(string topic)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(topic, out var state))
            {
                if (!HasRemote(topic)) return Nobody;
                state = TopicOf(topic);
            }
            if (state.People is { } people) return people;
            var byUser = new Dictionary<string, Viewer>();
            foreach (var (userId, person) in state.Local) byUser.TryAdd(userId, new Viewer(userId, person.Name));
            foreach (var topics in _remote.Values)
                if (topics.TryGetValue(topic, out var remote))
                    foreach (var viewer in remote.Viewers) byUser.TryAdd(viewer.UserId, viewer);
            var sorted = byUser.Values.ToArray();
            Array.Sort(sorted, (a, b) => StringComparer.CurrentCulture.Compare(a.Name, b.Name));
            return state.People = new People(sorted);
        }
    }

    /// <summary>Under the lock: the people of <paramref name="topic"/> changed; tell watchers (and the relay) soon.</summary>
    void Changed(string topic, bool local)
    {
        var state = TopicOf(topic);
        state.People = null;
        state.LocalChanged |= local;
        if (state.Scheduled) return;
        state.Scheduled = true;
        var wait = state.LastNotified is { } last ? NotifyInterval - _clock.GetElapsedTime(last) : TimeSpan.Zero;
        // At once after a quiet spell, otherwise at the end of the interval with everything that changed
        // meanwhile; either way on the thread pool, never inside the caller's lock or circuit dispatcher.
        if (wait > TimeSpan.Zero) _ = NotifyLaterAsync(topic, wait);
        else ThreadPool.UnsafeQueueUserWorkItem(static state => state.Presence.Notify(state.Topic), (Presence: this, Topic: topic), preferLocal: false);
    }

    async Task NotifyLaterAsync(string topic, TimeSpan wait)
    {
        await Task.Delay(wait, _clock).ConfigureAwait(false);
        Notify(topic);
    }

    void Notify(string topic)
    {
        Watcher[] watchers;
        bool local;
        lock (_lock)
        {
            if (!_topics.TryGetValue(topic, out var state)) return;
            state.Scheduled = false;
            state.LastNotified = _clock.GetTimestamp();
            local = state.LocalChanged;
            state.LocalChanged = false;
            watchers = [.. state.Watchers];
            RemoveIfEmpty(topic, state);
        }
        if (local)
        {
            try { Relay?.PresenceChanged(topic); }
            catch (Exception) { /* the relay logs its own failures; the next heartbeat sends it again */ }
        }
        foreach (var watcher in watchers)
        {
            try { watcher.Changed(); }
            catch (Exception) { /* a watcher whose page has gone */ }
        }
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
    public static string Describe(IReadOnlyList<string> others) => Describe(others.Count == 0 ? null : others[0], others.Count);

    static string Describe(string? first, int count) => count switch
    {
        0 => "No one else is viewing",
        1 => $"{first} is also viewing",
        2 => $"{first} and 1 other are also viewing",
        _ => $"{first} and {count - 1} others are also viewing",
    };
}
