using System.Diagnostics;
using Tracker.App.Common;

namespace Tracker.App.Live;

/// <summary>
/// A circuit's view of the change feed. A component follows topics and gets a call for a commit after a
/// quiet spell at once, and for a burst of commits one per <see cref="CoalesceWindow"/> or so, on its own
/// dispatcher, never two at once, and one call with no changes after the browser reconnects, or the
/// instance's change relay does, when it may have missed some. While the browser is away (a closed or
/// sleeping tab whose circuit is kept for a quick reconnect) the circuit follows nothing: its
/// subscriptions are dropped and taken again when it comes back, with a reload. Other people's changes are announced once per page to screen readers.
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    /// <summary>
    /// How long a change waits for others when the component has just been delivered some: a quick series of
    /// saves is folded into a re-render every window or so, not one per save.
    /// </summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// A change after this long without one is delivered at once, without waiting out the window: a meeting's
    /// saves are seconds apart, and the window was 25 ms of every open tab's wait for each (at 1,000 tabs and
    /// a save a second, the median fell from 63 to 38 ms without it, bench/RESULTS.md).
    /// </summary>
    public static readonly TimeSpan QuietSpell = TimeSpan.FromMilliseconds(250);

    readonly ChangeFeed _feed;
    readonly LiveAnnouncer _announcer;
    readonly CircuitEvents _circuit;
    readonly ICurrentUser _user;
    readonly ILogger<LiveUpdates> _logger;
    readonly Lock _lock = new();
    readonly HashSet<Following> _following = [];
    bool _disposed;

    public LiveUpdates(ChangeFeed feed, LiveAnnouncer announcer, CircuitEvents circuit, ICurrentUser user, ILogger<LiveUpdates> logger)
    {
        _logger = logger;
        _feed = feed;
        _announcer = announcer;
        _circuit = circuit;
        _user = user;
        // One handler per circuit (not per component): the feed's and the circuit's event lists stay short.
        circuit.Disconnected += Pause;
        circuit.Reconnected += Resume;
        feed.ReloadRequested += ReloadAll;
    }

    /// <param name="topics">"risks", "risks:12", "meeting:3", …</param>
    /// <param name="onChanged">Reloads what the component shows: the changes of the burst, or none after a reconnect.</param>
    /// <param name="dispatch">The component's <c>InvokeAsync</c>.</param>
    /// <remarks>Blazor calls components and circuit handlers on the circuit's dispatcher, so following and the
    /// browser going and coming back never interleave.</remarks>
    public IDisposable Follow(IEnumerable<string> topics, Func<IReadOnlyList<ChangeEvent>, Task> onChanged, Func<Func<Task>, Task> dispatch)
    {
        var following = new Following(this, [.. topics.Distinct()], new Follower(onChanged, dispatch, _announcer, _user.UserId, _logger));
        lock (_lock)
        {
            if (_disposed) return following;
            _following.Add(following);
        }
        if (_circuit.IsConnected) following.Subscribe();
        return following;
    }

    Following[] Current()
    {
        lock (_lock) return [.. _following];
    }

    /// <summary>The browser went away: nothing is rendered for it, so nothing is followed until it is back.</summary>
    void Pause()
    {
        foreach (var following in Current()) following.Unsubscribe();
    }

    /// <summary>The browser came back: follow again and reload once, as changes were missed meanwhile.</summary>
    void Resume()
    {
        foreach (var following in Current())
        {
            following.Subscribe();
            following.Follower.Reload();
        }
    }

    /// <summary>The relay reconnected (another instance's changes may be lost): connected circuits reload; a
    /// disconnected one reloads when its browser comes back anyway.</summary>
    void ReloadAll()
    {
        if (!_circuit.IsConnected) return;
        foreach (var following in Current()) following.Follower.Reload();
    }

    public void Dispose()
    {
        _circuit.Disconnected -= Pause;
        _circuit.Reconnected -= Resume;
        _feed.ReloadRequested -= ReloadAll;
        Following[] all;
        lock (_lock)
        {
            _disposed = true;
            all = [.. _following];
            _following.Clear();
        }
        foreach (var following in all) following.Dispose();
    }

    /// <summary>One component's topics: subscribed while the browser is connected.</summary>
    sealed class Following(LiveUpdates live, string[] topics, Follower follower) : IDisposable
    {
        readonly Lock _lock = new();
        List<IDisposable>? _subscriptions;
        bool _disposed;

        public Follower Follower => follower;

        public void Subscribe()
        {
            lock (_lock)
            {
                if (_disposed || _subscriptions is not null) return;
                _subscriptions = [.. topics.Select(topic => live._feed.Subscribe(topic, change =>
                {
                    // A publish already under way as the browser drops: nothing is rendered for it.
                    if (live._circuit.IsConnected) follower.Add(change);
                }))];
            }
        }

        public void Unsubscribe()
        {
            List<IDisposable>? subscriptions;
            lock (_lock)
            {
                subscriptions = _subscriptions;
                _subscriptions = null;
            }
            foreach (var subscription in subscriptions ?? []) subscription.Dispose();
            follower.DropPending();
        }

        public void Dispose()
        {
            lock (_lock)
            {
                if (_disposed) return;
                _disposed = true;
            }
            lock (live._lock) live._following.Remove(this);
            Unsubscribe();
            follower.Stop();
        }
    }

    /// <summary>
    /// Delivers one component's changes, one delivery at a time: changes (and reload requests) that arrive
    /// while the component is still reloading wait and go together in the next delivery. Every change
    /// added is delivered in some delivery that starts after it was added, unless the component stops
    /// following or its browser goes away (then a reload follows its return).
    /// </summary>
    /// <remarks>
    /// The invariant that makes that true: <c>_running</c> is set, under the lock, by whoever adds work to
    /// an idle follower, and it is cleared, under the same lock, only by the delivery loop at the moment it
    /// finds nothing left to deliver. So work added while the loop runs (before, during or just after a
    /// delivery) is always seen by the loop's next look, and work added after the loop's last look starts a
    /// new loop. The loop never captures the caller's synchronization context (a save on another circuit's
    /// dispatcher); it runs on the thread pool and enters the component's dispatcher only to deliver.
    /// </remarks>
    internal sealed class Follower(Func<IReadOnlyList<ChangeEvent>, Task> onChanged, Func<Func<Task>, Task> dispatch,
        LiveAnnouncer announcer, string? userId, ILogger logger)
    {
        /// <summary>How long a failed delivery waits before its reload: the first, the second, then each one after.</summary>
        internal static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

        readonly Lock _lock = new();
        List<ChangeEvent> _pending = [];
        bool _reload, _running, _stopped;
        // Only the delivery loop (one at a time) touches these.
        int _failures; // deliveries failed in a row
        long _deliveredAt; // when the last delivery started (a Stopwatch timestamp)
        Action? _start; // Start, made a delegate once rather than at every save

        public void Add(ChangeEvent change)
        {
            lock (_lock)
            {
                if (_stopped) return;
                _pending.Add(change);
                if (_running) return;
                _running = true;
            }
            // The rest of the commit's events first (a risk and its further action saved together).
            ChangeFeed.AfterPublish(_start ??= Start);
        }

        /// <summary>Reload everything (a delivery with no changes), after anything already pending.</summary>
        public void Reload()
        {
            lock (_lock)
            {
                if (_stopped) return;
                _reload = true;
                if (_running) return;
                _running = true;
            }
            Start();
        }

        /// <summary>The browser went away: what was pending is dropped (the reload on its return covers it).</summary>
        public void DropPending()
        {
            lock (_lock) _pending = [];
        }

        public void Stop()
        {
            lock (_lock)
            {
                _stopped = true;
                _pending = [];
                _reload = false;
            }
        }

        void Start() => ThreadPool.UnsafeQueueUserWorkItem(static follower => _ = follower.RunAsync(), this, preferLocal: false);

        async Task RunAsync()
        {
            try
            {
                while (true)
                {
                    if (_deliveredAt != 0 && Stopwatch.GetElapsedTime(_deliveredAt) < QuietSpell)
                        await Task.Delay(CoalesceWindow).ConfigureAwait(false);
                    List<ChangeEvent> batch;
                    bool reload;
                    lock (_lock)
                    {
                        batch = _pending;
                        reload = _reload;
                        _pending = [];
                        _reload = false;
                        if (_stopped || (batch.Count == 0 && !reload))
                        {
                            _running = false;
                            return;
                        }
                    }
                    _deliveredAt = Stopwatch.GetTimestamp();
                    if (batch.Count > 0)
                    {
                        // A component following "risks" and "risks:3" hears a change of R3 on both.
                        if (batch.Count > 1) batch = [.. batch.Distinct()];
                        Announce(batch);
                        await DeliverAsync(batch).ConfigureAwait(false);
                        // A live component's render took the news along (LiveAnnouncer.Render); any other follower's did not.
                        TellIfDue();
                    }
                    // After the changes: a reload shows everything, whatever a component made of the changes.
                    if (reload) await DeliverAsync([]).ConfigureAwait(false);
                    // Nothing came while it reloaded: done, without waiting out another window (a timer per
                    // follower per save is what 1,000 viewers' followers would otherwise contend on).
                    lock (_lock)
                    {
                        if (_stopped || (_pending.Count == 0 && !_reload))
                        {
                            _running = false;
                            return;
                        }
                    }
                }
            }
            catch (Exception)
            {
                // Not expected (deliveries and announcements catch their own); never leave the follower
                // marked as running with nobody running it.
                bool again;
                lock (_lock)
                {
                    again = !_stopped && (_pending.Count > 0 || _reload);
                    _running = again;
                }
                if (again) Start();
            }
        }

        void Announce(List<ChangeEvent> batch)
        {
            // Never at the cost of the delivery: the batch is already taken from the pending list.
            try
            {
                foreach (var change in batch)
                    if (change.ByUserId is null || change.ByUserId != userId) announcer.Note(change);
            }
            catch (Exception e) { logger.LogWarning(e, "A live change could not be announced"); }
        }

        void TellIfDue()
        {
            try { announcer.TellIfDue(); }
            catch (Exception) { /* the live region is gone with its layout: nothing to say it in */ }
        }

        async Task DeliverAsync(IReadOnlyList<ChangeEvent> batch)
        {
            try
            {
                await dispatch(() => onChanged(batch)).ConfigureAwait(false);
                _failures = 0;
            }
            catch (Exception e)
            {
                // A component that has stopped following (disposed, its circuit gone) has nothing to show.
                bool stopped;
                lock (_lock) stopped = _stopped;
                if (stopped) return;
                // Its reload failed (the database busy or briefly gone): it still shows what it showed before
                // the change, so it reloads again shortly, and on until a reload succeeds.
                var delay = RetryDelays[Math.Min(_failures, RetryDelays.Length - 1)];
                _failures++;
                logger.LogWarning(e, "A live page could not reload after a change ({Failures} in a row); reloading again in {Delay} ms",
                    _failures, delay.TotalMilliseconds);
                _ = ReloadLaterAsync(delay);
            }
        }

        async Task ReloadLaterAsync(TimeSpan delay)
        {
            await Task.Delay(delay).ConfigureAwait(false);
            Reload();
        }
    }
}
