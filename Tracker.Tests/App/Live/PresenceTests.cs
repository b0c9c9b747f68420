using System.Diagnostics;
using Tracker.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Live;

/// <summary>Presence at the size of a full meeting room: joining is cheap and everyone hears of it a few times, not once per viewer.</summary>
public sealed class PresenceTests
{
    sealed class RecordingRelay : IChangeRelay
    {
        public int PresenceChanges;
        public string InstanceId => "test";
        public bool Listening => true;
        public void Send(IReadOnlyList<ChangeEvent> changes) { }
        public void PresenceChanged(string topic) => Interlocked.Increment(ref PresenceChanges);
    }

    static Task WaitForAsync(Func<bool> condition) => Eventually.TrueAsync(condition, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Join_ThousandViewersOfOneTopic_FastAndWatchersHearAFewTimesNotOncePerJoin()
    {
        var presence = new Presence(TimeProvider.System, TimeSpan.FromMilliseconds(200));
        var relay = new RecordingRelay();
        presence.Relay = relay;
        var heard = 0;
        var views = new List<IDisposable>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            // As PresenceIndicator does: watch, join, read its line.
            views.Add(presence.Watch("meeting:3", () => Interlocked.Increment(ref heard)));
            views.Add(presence.Join("meeting:3", $"user-{i}", $"Viewer {i:D4}"));
            _ = presence.DescribeOthers("meeting:3", $"user-{i}");
        }
        var joining = clock.Elapsed;
        Assert.True(joining < TimeSpan.FromSeconds(2), $"1,000 joins took {joining.TotalMilliseconds:F0} ms");
        await WaitForAsync(() => presence.DescribeOthers("meeting:3", "user-5").Others == 999);
        await Task.Delay(500); // the trailing notification of the burst
        // Once at once, then once per interval: a handful of notifications of 1,000 watchers (a quadratic
        // presence would have made it about 500,000).
        Assert.True(Volatile.Read(ref heard) <= 1000 * (2 + (int)(joining.TotalMilliseconds / 200) + 1), $"watchers heard {heard} times");
        Assert.True(relay.PresenceChanges <= 3 + (int)(joining.TotalMilliseconds / 200), $"relay told {relay.PresenceChanges} times");
        Assert.Equal(("Viewer 0000 and 998 others are also viewing", 999), presence.DescribeOthers("meeting:3", "user-5"));
        Assert.Equal(("Viewer 0001 and 998 others are also viewing", 999), presence.DescribeOthers("meeting:3", "user-0"));
        Assert.Equal(1000, presence.PeopleViewing("meeting:3"));

        foreach (var view in views) view.Dispose();
        Assert.Equal(0, presence.PeopleViewing("meeting:3"));
        Assert.Empty(presence.LocalTopics());
    }

    [Fact]
    public async Task Join_AnotherTabOfSomeoneAlreadyViewing_NobodyToldCountUnchanged()
    {
        var presence = new Presence(TimeProvider.System, TimeSpan.FromMilliseconds(50));
        using var first = presence.Join("risks:4", "u1", "Councillor Kate Lymer");
        await Task.Delay(100);
        var heard = 0;
        using var watch = presence.Watch("risks:4", () => Interlocked.Increment(ref heard));
        var second = presence.Join("risks:4", "u1", "Councillor Kate Lymer");
        second.Dispose();
        await Task.Delay(200);
        Assert.Equal(0, heard);
        Assert.Equal(["Councillor Kate Lymer"], presence.OthersViewing("risks:4", "u2"));
        Assert.Equal(("Councillor Kate Lymer is also viewing", 1), presence.DescribeOthers("risks:4", "u2"));
        Assert.Equal(("No one else is viewing", 0), presence.DescribeOthers("risks:4", "u1"));
    }

    [Fact]
    public async Task Watch_FirstChangeAfterAQuietSpell_HeardAtOnceThenTheRestTogether()
    {
        var presence = new Presence(TimeProvider.System, TimeSpan.FromMilliseconds(300));
        var heard = 0;
        using var watch = presence.Watch("people", () => Interlocked.Increment(ref heard));
        using var a = presence.Join("people", "u1", "Amanda Mumford");
        await WaitForAsync(() => Volatile.Read(ref heard) == 1); // at once, not after the interval
        using var b = presence.Join("people", "u2", "Peter Sibley");
        using var c = presence.Join("people", "u3", "Steve Wood");
        await WaitForAsync(() => Volatile.Read(ref heard) == 2);
        await Task.Delay(400);
        Assert.Equal(2, heard);
        Assert.Equal(["Peter Sibley", "Steve Wood"], presence.OthersViewing("people", "u1"));
    }

    [Fact]
    public async Task ApplyRemote_AnotherInstancesViewers_CountedWithOursOncePerPerson()
    {
        var presence = new Presence(TimeProvider.System, TimeSpan.FromMilliseconds(50));
        var heard = 0;
        using var watch = presence.Watch("risks", () => Interlocked.Increment(ref heard));
        using var mine = presence.Join("risks", "u1", "Amanda Mumford");
        presence.ApplyRemote("other", "risks", [new("u1", "Amanda Mumford"), new("u2", "Peter Sibley")], DateTimeOffset.UtcNow);
        await WaitForAsync(() => Volatile.Read(ref heard) >= 1);
        Assert.Equal(2, presence.PeopleViewing("risks"));
        Assert.Equal(("Peter Sibley is also viewing", 1), presence.DescribeOthers("risks", "u1"));
        presence.ForgetRemote("other", DateTimeOffset.MinValue);
        Assert.Equal(("No one else is viewing", 0), presence.DescribeOthers("risks", "u1"));
    }
}
