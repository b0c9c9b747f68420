using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Tracker.App.Live;

/// <summary>
/// Hands committed changes to whoever follows them: in-process subscribers by topic (the circuits'
/// components, through <see cref="LiveUpdates"/>) and, with PostgreSQL, the other instances through
/// the relay. Only the change interceptor publishes.
/// </summary>
public sealed class ChangeFeed(ILogger<ChangeFeed> logger)
{

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

    sealed class Subscription(ChangeFeed feed, string topic, Action<ChangeEvent> handler) : IDisposable
    {
        public Action<ChangeEvent> Handler => handler;
        public void Dispose() => feed.Unsubscribe(topic, this);
    }

    // Copy-on-write lists: publishing (many readers, every save) never takes a lock.
    readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> _subscriptions = new();

    /// <summary>
    /// Calls <paramref name="handler"/> after every commit that touches <paramref name="topic"/>
    /// ("risks" for the whole area, "risks:12" for one record) until the result is disposed. The
    /// handler runs on the saving thread, after the commit: it must only schedule work (a component
    /// hands it to its own dispatcher) and never throw.
    /// </summary>
    public IDisposable Subscribe(string topic, Action<ChangeEvent> handler)
    {
        var subscription = new Subscription(this, topic, handler);
        _subscriptions.AddOrUpdate(topic, _ => [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    void Unsubscribe(string topic, Subscription subscription)
    {
        while (_subscriptions.TryGetValue(topic, out var list))
        {
            var without = list.Remove(subscription);
            if (without.IsEmpty ? _subscriptions.TryRemove(new(topic, list)) : _subscriptions.TryUpdate(topic, without, list)) return;
        }
    }

    /// <summary>How many subscriptions a topic has (tests and the benchmarks check circuits let go).</summary>
    public int SubscriberCount(string topic) => _subscriptions.TryGetValue(topic, out var list) ? list.Length : 0;

    /// <summary>
    /// Where committed changes go beyond this process (PostgreSQL: <see cref="PostgreSqlChangeRelay"/>),
    /// or null with one instance. The relay hands other instances' changes back through
    /// <see cref="PublishRelayedAsync"/>.
    /// </summary>
    public IChangeRelay? Relay { get; set; }

    /// <summary>
    /// Raised when changes may have been missed (the relay's connection dropped and came back): every
    /// area's version has moved on, so caches reload, and followers reload what they show.
    /// </summary>
    public event Action? ReloadRequested;

    /// <summary>Publishes a commit of this instance: to local subscribers and the other instances.</summary>
    public Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken = default)
    {
        Relay?.Send(changes);
        return PublishLocallyAsync(changes, cancellationToken);
    }

    /// <summary>Publishes another instance's commit here (caches, subscribers), without relaying it again.</summary>
    public Task PublishRelayedAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken = default) =>
        PublishLocallyAsync(changes, cancellationToken);

    /// <summary>Moves every area's version on (no cached copy is served again) and asks every follower to reload.</summary>
    public void RequestReload()
    {
        foreach (var version in _versions.Values) Interlocked.Increment(ref version.Value);
        foreach (var handler in ReloadRequested?.GetInvocationList() ?? [])
        {
            try { ((Action)handler)(); }
            catch (Exception ex) { logger.LogWarning(ex, "A live follower failed to reload"); }
        }
    }

    Task PublishLocallyAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken)
    {
        // Before telling anyone, so a component reloading on the event never gets a cached copy.
        foreach (var area in changes.Select(c => c.Area).Distinct())
            Interlocked.Increment(ref _versions.GetOrAdd(area, _ => new StrongBox<long>()).Value);
        var outer = t_afterPublish;
        var after = t_afterPublish = [];
        try
        {
            foreach (var change in OnePerRecord(changes))
            {
                foreach (var topic in change.Groups)
                    if (_subscriptions.TryGetValue(topic, out var list))
                        foreach (var subscription in list)
                        {
                            try { subscription.Handler(change); }
                            catch (Exception ex) { logger.LogWarning(ex, "A live subscriber of {Topic} failed", topic); }
                        }
            }
        }
        finally
        {
            t_afterPublish = outer;
        }
        foreach (var action in after)
        {
            try { action(); }
            catch (Exception ex) { logger.LogWarning(ex, "A live subscriber failed after a commit was handed out"); }
        }
        return Task.CompletedTask;
    }

    [ThreadStatic] static List<Action>? t_afterPublish;

    /// <summary>
    /// Runs <paramref name="action"/> once every event of the commit being handed out on this thread has been
    /// handed out (at once when none is): a follower starting its delivery then has the whole commit, not
    /// the first of its records alone.
    /// </summary>
    internal static void AfterPublish(Action action)
    {
        if (t_afterPublish is { } after) after.Add(action);
        else action();
    }
}
