using Tracker.App.Common;

namespace Tracker.App.Live;

/// <summary>
/// A circuit's view of the change feed. A component follows topics and gets one call per burst of
/// commits (coalesced over <see cref="CoalesceWindow"/>), on its own dispatcher, and one call with no
/// changes after the browser reconnects, or the instance's change relay does, when it may have missed some. Other people's changes are
/// announced once per page to screen readers.
/// </summary>
public sealed class LiveUpdates(ChangeFeed feed, LiveAnnouncer announcer, CircuitEvents circuit, ICurrentUser user)
{
    /// <summary>Long enough to fold a save's several events (and a quick series of saves) into one re-render.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(25);

    /// <param name="topics">"risks", "risks:12", "meeting:3", …</param>
    /// <param name="onChanged">Reloads what the component shows: the changes of the burst, or none after a reconnect.</param>
    /// <param name="dispatch">The component's <c>InvokeAsync</c>.</param>
    public IDisposable Follow(IEnumerable<string> topics, Func<IReadOnlyList<ChangeEvent>, Task> onChanged, Func<Func<Task>, Task> dispatch)
    {
        var follower = new Follower(onChanged, dispatch, announcer, user.UserId);
        // While the browser is away (a closed tab whose circuit is kept for a quick reconnect) nothing is
        // rendered for it: a reconnect reloads everything instead.
        var subscriptions = topics.Distinct().Select(topic => feed.Subscribe(topic, change =>
        {
            if (circuit.IsConnected) follower.Add(change);
        })).ToList();
        circuit.Reconnected += follower.Reload;
        // Another instance's changes may have been missed while the relay reconnected.
        feed.ReloadRequested += follower.Reload;
        return new Unfollow(() =>
        {
            circuit.Reconnected -= follower.Reload;
            feed.ReloadRequested -= follower.Reload;
            foreach (var subscription in subscriptions) subscription.Dispose();
            follower.Stop();
        });
    }

    sealed class Unfollow(Action dispose) : IDisposable
    {
        int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }

    sealed class Follower(Func<IReadOnlyList<ChangeEvent>, Task> onChanged, Func<Func<Task>, Task> dispatch,
        LiveAnnouncer announcer, string? userId)
    {
        readonly Lock _lock = new();
        List<ChangeEvent> _pending = [];
        bool _scheduled, _stopped;

        public void Add(ChangeEvent change)
        {
            lock (_lock)
            {
                if (_stopped) return;
                _pending.Add(change);
                if (_scheduled) return;
                _scheduled = true;
            }
            _ = FlushLaterAsync();
        }

        public void Reload() => _ = DeliverAsync([]);

        public void Stop()
        {
            lock (_lock) _stopped = true;
        }

        // One delivery at a time per follower: changes that arrive while the component is still
        // reloading wait and go together in the next one. Without this, a burst arriving faster than a
        // page reloads (a relayed burst on a busy instance) started reload after reload, each competing
        // with the others, and the page fell further and further behind.
        async Task FlushLaterAsync()
        {
            while (true)
            {
                await Task.Delay(CoalesceWindow);
                List<ChangeEvent> batch;
                lock (_lock)
                {
                    batch = _pending;
                    _pending = [];
                    if (_stopped || batch.Count == 0)
                    {
                        _scheduled = false;
                        return;
                    }
                }
                foreach (var change in batch.Where(c => c.ByUserId is null || c.ByUserId != userId))
                    announcer.Announce(change);
                await DeliverAsync(batch);
            }
        }

        async Task DeliverAsync(IReadOnlyList<ChangeEvent> batch)
        {
            try
            {
                await dispatch(() => onChanged(batch));
            }
            catch (Exception)
            {
                // The circuit is gone or the component was disposed while the burst was pending:
                // nothing is shown any more, so there is nothing to refresh.
            }
        }
    }
}
