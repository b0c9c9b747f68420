using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracker.App.Common;
using Tracker.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Live;

/// <summary>A circuit following topics: bursts coalesce, reconnects reload, others' saves are announced once.</summary>
public sealed class LiveUpdatesTests
{
    readonly ChangeFeed _feed = new(NullLogger<ChangeFeed>.Instance);
    readonly LiveAnnouncer _announcer = new();
    readonly CircuitEvents _circuit = new();

    LiveUpdates Live() => new(_feed, _announcer, _circuit, new CurrentUser(new HttpContextAccessor()), NullLogger<LiveUpdates>.Instance);

    static ChangeEvent Event(int version, string key = "3", string? by = "user-2") =>
        new("risks", key, "updated", "Risk R3", version, "Councillor Kate Lymer", DateTimeOffset.Parse("2026-11-30T10:42:00Z"), by);

    static Task Inline(Func<Task> work) => work();

    [Fact]
    public async Task Follow_BurstOfCommits_FirstAtOnceThenTheRestInOneReload()
    {
        var calls = new List<(IReadOnlyList<ChangeEvent> Changes, TimeSpan At)>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var following = Live().Follow(["risks"], async changes =>
        {
            int count;
            lock (calls)
            {
                calls.Add((changes, started.Elapsed));
                count = calls.Count;
            }
            if (count > 1) return;
            // The burst goes on while its first save is being shown.
            await _feed.PublishAsync([Event(3)]);
            await _feed.PublishAsync([Event(4, key: "5")]);
        }, Inline);
        await _feed.PublishAsync([Event(2)]);
        await WaitForAsync(() => { lock (calls) return calls.Count == 2; });
        await Task.Delay(LiveUpdates.CoalesceWindow * 4);
        Assert.Equal(2, calls.Count);
        Assert.Equal([2], calls[0].Changes.Select(c => c.Version));
        Assert.Equal([3, 4], calls[1].Changes.Select(c => c.Version));
        // The burst's rest waits out the window after the first delivery: one re-render, not one per save.
        Assert.True(calls[1].At - calls[0].At >= LiveUpdates.CoalesceWindow * 0.9, $"{calls[1].At - calls[0].At}");
    }

    [Fact]
    public async Task Follow_OneCommitOfSeveralRecords_OneDeliveryWithAllOfThem()
    {
        // Delivered at once, but never before the commit's last record is handed out.
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        using var following = Live().Follow(["risks"], changes => { lock (calls) calls.Add(changes); return Task.CompletedTask; }, Inline);
        for (var commit = 0; commit < 10; commit++)
        {
            var at = calls.Count;
            await _feed.PublishAsync([.. Enumerable.Range(1, 30).Select(k => Event(commit, key: k.ToString()))]);
            await WaitForAsync(() => { lock (calls) return calls.Count == at + 1; });
            await Task.Delay(LiveUpdates.QuietSpell + LiveUpdates.CoalesceWindow); // the next commit goes at once too
            lock (calls) Assert.Equal(30, Assert.Single(calls.Skip(at)).Count);
        }
    }

    [Fact]
    public async Task Follow_ChangeAfterAQuietSpell_DeliveredWithoutWaitingOutTheWindow()
    {
        var delivered = new TaskCompletionSource();
        using var following = Live().Follow(["risks"], _ => { delivered.TrySetResult(); return Task.CompletedTask; }, Inline);
        var waits = new List<TimeSpan>();
        for (var save = 0; save < 10; save++)
        {
            delivered = new TaskCompletionSource();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await _feed.PublishAsync([Event(save)]);
            await delivered.Task.WaitAsync(TimeSpan.FromSeconds(5));
            waits.Add(clock.Elapsed);
            await Task.Delay(LiveUpdates.QuietSpell + LiveUpdates.CoalesceWindow);
        }
        // Not the window (25 ms) every save used to wait: a thread-pool hop (the quickest of ten, as a busy
        // test machine may delay some).
        Assert.True(waits.Min() < LiveUpdates.CoalesceWindow / 2, string.Join(", ", waits.Select(w => $"{w.TotalMilliseconds:0.0} ms")));
    }

    [Fact]
    public async Task Follow_ChangesWhileAReloadIsUnderWay_NeverTwoAtOnceAndTheRestInOneMore()
    {
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        var running = 0;
        var overlapped = false;
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        using var following = Live().Follow(["risks"], async changes =>
        {
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            lock (calls) calls.Add(changes);
            if (calls.Count == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            Interlocked.Decrement(ref running);
        }, Inline);
        await _feed.PublishAsync([Event(2)]);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        for (var v = 3; v <= 6; v++)
        {
            await _feed.PublishAsync([Event(v)]);
            await Task.Delay(LiveUpdates.CoalesceWindow * 2);
        }
        releaseFirst.SetResult();
        await Task.Delay(LiveUpdates.CoalesceWindow * 8);

        Assert.False(overlapped);
        Assert.Equal(2, calls.Count);
        Assert.Equal([3, 4, 5, 6], calls[1].Select(c => c.Version));
    }

    [Fact]
    public async Task Follow_OtherTopic_NotCalled()
    {
        var called = false;
        using var following = Live().Follow(["risks:7"], _ => { called = true; return Task.CompletedTask; }, Inline);
        await _feed.PublishAsync([Event(2, key: "3")]);
        await Task.Delay(LiveUpdates.CoalesceWindow * 4);
        Assert.False(called);
    }

    [Fact]
    public async Task Follow_Reconnected_ReloadsWithNoChanges()
    {
        IReadOnlyList<ChangeEvent>? reloaded = null;
        using var following = Live().Follow(["risks"], changes => { reloaded = changes; return Task.CompletedTask; }, Inline);
        _circuit.RaiseReconnected();
        await WaitForAsync(() => reloaded is not null);
        Assert.Empty(reloaded!);
    }

    [Fact]
    public async Task Follow_BrowserAway_UnsubscribedNotCalledAndOneReloadWhenItComesBack()
    {
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        using var following = Live().Follow(["risks", "risks:3"], changes => { lock (calls) calls.Add(changes); return Task.CompletedTask; }, Inline);
        Assert.Equal(1, _feed.SubscriberCount("risks"));

        _circuit.RaiseDisconnected();
        // The feed no longer calls a circuit nobody is looking at, nor asks it to reload.
        Assert.Equal(0, _feed.SubscriberCount("risks"));
        Assert.Equal(0, _feed.SubscriberCount("risks:3"));
        await _feed.PublishAsync([Event(2)]);
        _feed.RequestReload();
        await Task.Delay(LiveUpdates.CoalesceWindow * 6);
        Assert.Empty(calls);

        _circuit.RaiseReconnected();
        Assert.Equal(1, _feed.SubscriberCount("risks"));
        await WaitForAsync(() => calls.Count > 0);
        await Task.Delay(LiveUpdates.CoalesceWindow * 6);
        Assert.Empty(Assert.Single(calls));

        // And it follows again.
        await _feed.PublishAsync([Event(3)]);
        await WaitForAsync(() => calls.Count > 1);
        Assert.Equal([3], calls[1].Select(c => c.Version));
    }

    sealed class NobodySignedIn : Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider
    {
        public override Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(new()));
    }

    [Fact]
    public async Task CircuitHandler_ConnectionDownThenUp_HandlerNotCalledWhileDownThenOneReload()
    {
        // Through the app's circuit handler, as Blazor calls it: up (the first connection), down, up again.
        var handler = new CircuitUserHandler(new NobodySignedIn(), new CurrentUser(new HttpContextAccessor()), _circuit);
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        using var following = Live().Follow(["risks"], changes => { lock (calls) calls.Add(changes); return Task.CompletedTask; }, Inline);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        Assert.Equal(0, _feed.SubscriberCount("risks"));
        await _feed.PublishAsync([Event(2)]);
        await _feed.PublishAsync([Event(3)]);
        await Task.Delay(LiveUpdates.CoalesceWindow * 6);
        Assert.Empty(calls);

        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await WaitForAsync(() => calls.Count > 0);
        await Task.Delay(LiveUpdates.CoalesceWindow * 6);
        Assert.Empty(Assert.Single(calls));
        Assert.Equal(1, _feed.SubscriberCount("risks"));
    }

    [Fact]
    public async Task Follow_ChangesArrivingWhileAwayThenPendingOnReturn_OneReloadNoStaleBatch()
    {
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        var release = new TaskCompletionSource();
        using var following = Live().Follow(["risks"], async changes =>
        {
            lock (calls) calls.Add(changes);
            if (calls.Count == 1) await release.Task;
        }, Inline);
        await _feed.PublishAsync([Event(2)]);
        await WaitForAsync(() => calls.Count == 1);
        // Away and back while the first delivery is still reloading: one reload after it, never alongside.
        _circuit.RaiseDisconnected();
        _circuit.RaiseReconnected();
        _circuit.RaiseDisconnected();
        _circuit.RaiseReconnected();
        await Task.Delay(LiveUpdates.CoalesceWindow * 4);
        Assert.Single(calls);
        release.SetResult();
        await WaitForAsync(() => calls.Count == 2);
        await Task.Delay(LiveUpdates.CoalesceWindow * 6);
        Assert.Equal(2, calls.Count);
        Assert.Empty(calls[1]);
    }

    [Fact]
    public async Task Follow_ChangeCommittedAsAReloadFinishes_DeliveredInTheNextOne()
    {
        // The narrowest window: the change is published after the component's reload has returned but
        // before the follower looks at what is pending again (here, inside the dispatcher, after the work).
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        var published = false;
        using var following = Live().Follow(["risks"], changes => { lock (calls) calls.Add(changes); return Task.CompletedTask; },
            async work =>
            {
                await work();
                if (!published)
                {
                    published = true;
                    await _feed.PublishAsync([Event(7)]);
                }
            });
        await _feed.PublishAsync([Event(6)]);
        await WaitForAsync(() => calls.Count == 2);
        Assert.Equal([6], calls[0].Select(c => c.Version));
        Assert.Equal([7], calls[1].Select(c => c.Version));
    }

    [Fact]
    public async Task Follow_OwnSaveDuringItsReload_DeliveredNextAndNotAnnounced()
    {
        // A component saving from inside its own reload (or its dialog saving while it reloads): the save's
        // event arrives on the follower that is delivering.
        var live = new LiveUpdates(_feed, _announcer, _circuit, User("user-1"), NullLogger<LiveUpdates>.Instance);
        var announcements = 0;
        _announcer.Changed += () => Interlocked.Increment(ref announcements);
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        using var following = live.Follow(["risks"], async changes =>
        {
            lock (calls) calls.Add(changes);
            if (calls.Count == 1) await _feed.PublishAsync([Event(8, by: "user-1")]);
        }, Inline);
        await _feed.PublishAsync([Event(7)]);
        await WaitForAsync(() => calls.Count == 2);
        Assert.Equal([8], calls[1].Select(c => c.Version));
        Assert.Equal(1, announcements); // 7 (someone else's), not 8 (this user's own)
    }

    [Fact]
    public async Task Follow_ReloadFailsOrAnnouncerThrows_LaterChangesStillDelivered()
    {
        _announcer.Changed += () => throw new InvalidOperationException("the layout has gone");
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        using var following = Live().Follow(["risks"], changes =>
        {
            lock (calls)
            {
                calls.Add(changes);
                if (calls.Count == 1) throw new InvalidOperationException("the database is busy");
            }
            return Task.CompletedTask;
        }, Inline);
        await _feed.PublishAsync([Event(2)]);
        await WaitForAsync(() => { lock (calls) return calls.Count == 1; });
        await _feed.PublishAsync([Event(3)]);
        await WaitForAsync(() => { lock (calls) return calls.Any(c => c.Any(e => e.Version == 3)); });
    }

    [Fact]
    public async Task Follow_ReloadFails_ReloadedAgainUntilOneSucceedsWithoutAnotherChange()
    {
        // The page showed what it showed before the change: with no later change to prompt it, it must still
        // catch up once the database answers again (a cross-instance browser test once waited 15 s for it).
        var warnings = new RecordedWarnings();
        using var logging = LoggerFactory.Create(builder => builder.AddProvider(warnings));
        var live = new LiveUpdates(_feed, _announcer, _circuit, new CurrentUser(new HttpContextAccessor()), logging.CreateLogger<LiveUpdates>());
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        var started = DateTime.UtcNow;
        using var following = live.Follow(["risks"], changes =>
        {
            lock (calls)
            {
                calls.Add(changes);
                if (calls.Count <= 2) throw new InvalidOperationException("the database is busy");
            }
            return Task.CompletedTask;
        }, Inline);
        await _feed.PublishAsync([Event(2)]);
        await WaitForAsync(() => { lock (calls) return calls.Count == 3; });
        lock (calls)
        {
            Assert.Equal([2], calls[0].Select(c => c.Version));
            Assert.Empty(calls[1]); // reloads: everything, after the change that failed
            Assert.Empty(calls[2]);
        }
        // 250 ms, then 2 s: not at once (a database that is down is not hammered), not never.
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2.2), TimeSpan.FromSeconds(8));
        Assert.Equal(2, warnings.Entries.Count(e => e.Contains("could not reload after a change")));
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        lock (calls) Assert.Equal(3, calls.Count); // once one succeeded, no more
    }

    [Fact]
    public async Task Follow_ReloadFailsThenComponentDisposed_NotReloadedAgain()
    {
        var calls = 0;
        var following = Live().Follow(["risks"], _ =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("the database is busy");
        }, Inline);
        await _feed.PublishAsync([Event(2)]);
        await WaitForAsync(() => Volatile.Read(ref calls) == 1);
        following.Dispose();
        await Task.Delay(LiveUpdates.Follower.RetryDelays[0] * 3);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Follow_ManyWritersAndSlowReloads_NeverTwoAtOnceAndEveryChangeInALaterDelivery()
    {
        // Four writers publishing while reloads take 0-40 ms: every change delivered exactly once, deliveries
        // never overlap, and the last ones are not left behind when the writers stop.
        var started = new List<(long At, int[] Versions)>();
        var running = 0;
        var overlapped = false;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(15);
        using var following = Live().Follow(["risks"], async changes =>
        {
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            lock (started) started.Add((clock.ElapsedTicks, [.. changes.Select(c => c.Version)]));
            await Task.Delay(random.Next(0, 40));
            Interlocked.Decrement(ref running);
        }, work => Task.Run(work));
        var version = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                var v = Interlocked.Increment(ref version);
                // Different records, so the feed keeps every event (saves of one record fold into one).
                await _feed.PublishAsync([Event(v, key: v.ToString())]);
                await Task.Delay(Random.Shared.Next(0, 15));
            }
        })));
        await WaitForAsync(() => { lock (started) return started.SelectMany(s => s.Versions).Distinct().Count() == 200; });

        Assert.False(overlapped);
        List<(long At, int[] Versions)> deliveries;
        lock (started) deliveries = [.. started];
        Assert.Equal(200, deliveries.Sum(d => d.Versions.Length)); // each exactly once, none lost
        Assert.True(deliveries.Count < 200, "slow reloads should have gathered changes together");
    }

    [Fact]
    public async Task Follow_PublishedOnAnotherCircuitsDispatcher_FollowerNeverRunsOnIt()
    {
        // A save on one circuit's dispatcher calls every follower's handler on that thread; the follower
        // must not then run its loop (1,000 circuits' worth) on that circuit's synchronization context.
        var context = new CountingContext();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var following = Live().Follow(["risks"], _ => { delivered.TrySetResult(); return Task.CompletedTask; }, Inline);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task published;
        try { published = _feed.PublishAsync([Event(2)]); } // the handlers run here, on the context
        finally { SynchronizationContext.SetSynchronizationContext(previous); }
        await published;
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, context.Posts);
    }

    sealed class CountingContext : SynchronizationContext
    {
        public int Posts;
        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref Posts);
            base.Post(d, state);
        }
    }

    static ICurrentUser User(string id)
    {
        var user = new CurrentUser(new HttpContextAccessor());
        user.UseCircuitUser(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id)], "test")));
        return user;
    }

    static Task WaitForAsync(Func<bool> condition) => Eventually.TrueAsync(condition, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Follow_Disposed_NoLongerSubscribed()
    {
        var following = Live().Follow(["risks", "risks:3"], _ => Task.CompletedTask, Inline);
        Assert.Equal(1, _feed.SubscriberCount("risks:3"));
        following.Dispose();
        Assert.Equal(0, _feed.SubscriberCount("risks:3"));
        Assert.Equal(0, _feed.SubscriberCount("risks"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Announce_TwoComponentsFollowingOneRecord_AnnouncedOnce()
    {
        var announcements = 0;
        _announcer.Changed += () => Interlocked.Increment(ref announcements);
        var live = Live();
        using var a = live.Follow(["risks"], _ => Task.CompletedTask, Inline);
        using var b = live.Follow(["risks:3"], _ => Task.CompletedTask, Inline);
        await _feed.PublishAsync([Event(9)]);
        await Task.Delay(LiveUpdates.CoalesceWindow * 8);
        Assert.Equal(1, announcements);
        Assert.Equal("Risk R3 updated by Councillor Kate Lymer at 10:42", _announcer.Message);
    }

    [Fact]
    public async Task Announce_BurstOfSaves_LiveRegionToldAtOnceThenTheLatestOnceASecondLater()
    {
        var told = new List<string>();
        _announcer.Changed += () => { lock (told) told.Add(_announcer.Message); };
        for (var version = 1; version <= 5; version++)
            if (_announcer.Note(Event(version, key: version.ToString()) with { Label = $"Risk R{version}" })) _announcer.TellIfDue();

        Assert.Equal(["Risk R1 updated by Councillor Kate Lymer at 10:42"], told);
        Assert.Equal("Risk R5 updated by Councillor Kate Lymer at 10:42", _announcer.Message);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        lock (told)
            Assert.Equal(["Risk R1 updated by Councillor Kate Lymer at 10:42", "Risk R5 updated by Councillor Kate Lymer at 10:42"], told);
    }
}
