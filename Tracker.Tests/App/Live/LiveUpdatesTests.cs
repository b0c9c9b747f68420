using Microsoft.AspNetCore.Http;
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

    LiveUpdates Live() => new(_feed, _announcer, _circuit, new CurrentUser(new HttpContextAccessor()));

    static ChangeEvent Event(int version, string key = "3", string? by = "user-2") =>
        new("risks", key, "updated", "Risk R3", version, "Councillor Kate Lymer", DateTimeOffset.Parse("2026-11-30T10:42:00Z"), by);

    static Task Inline(Func<Task> work) => work();

    [Fact]
    public async Task Follow_BurstOfCommits_OneReloadWithAllOfThem()
    {
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        using var following = Live().Follow(["risks"], changes => { lock (calls) calls.Add(changes); return Task.CompletedTask; }, Inline);
        await _feed.PublishAsync([Event(2)]);
        await _feed.PublishAsync([Event(3)]);
        await _feed.PublishAsync([Event(4, key: "5")]);
        await Task.Delay(LiveUpdates.CoalesceWindow * 8);
        var call = Assert.Single(calls);
        Assert.Equal([2, 3, 4], call.Select(c => c.Version));
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
        await Task.Delay(50);
        Assert.NotNull(reloaded);
        Assert.Empty(reloaded);
    }

    [Fact]
    public async Task Follow_BrowserAway_NothingDeliveredUntilItReconnects()
    {
        var calls = new List<IReadOnlyList<ChangeEvent>>();
        using var following = Live().Follow(["risks"], changes => { lock (calls) calls.Add(changes); return Task.CompletedTask; }, Inline);
        _circuit.RaiseDisconnected();
        await _feed.PublishAsync([Event(2)]);
        await Task.Delay(LiveUpdates.CoalesceWindow * 6);
        Assert.Empty(calls);
        _circuit.RaiseReconnected();
        await Task.Delay(50);
        Assert.Empty(Assert.Single(calls));
    }

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
}
