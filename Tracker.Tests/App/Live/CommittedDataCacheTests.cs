using Microsoft.Extensions.Logging.Abstractions;
using Tracker.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Live;

public sealed class CommittedDataCacheTests
{
    sealed class NumbersCache(ChangeFeed feed) : CommittedDataCache<string>(feed, "risks", "people");

    readonly ChangeFeed _feed = new(NullLogger<ChangeFeed>.Instance);
    int _loads;

    Task<string> Load(CancellationToken _) => Task.FromResult($"copy {++_loads}");

    Task Commit(string area) =>
        _feed.PublishAsync([new ChangeEvent(area, "1", "updated", "Something", 2, "Chair", DateTimeOffset.UnixEpoch)]);

    [Fact]
    public async Task GetAsync_NothingCommitted_LoadsOnce()
    {
        var cache = new NumbersCache(_feed);
        Assert.Equal("copy 1", await cache.GetAsync(Load, default));
        Assert.Equal("copy 1", await cache.GetAsync(Load, default));
    }

    [Theory]
    [InlineData("risks")]
    [InlineData("people")]
    public async Task GetAsync_AfterCommitToItsArea_Reloads(string area)
    {
        var cache = new NumbersCache(_feed);
        await cache.GetAsync(Load, default);
        await Commit(area);
        Assert.Equal("copy 2", await cache.GetAsync(Load, default));
    }

    [Fact]
    public async Task GetAsync_AfterCommitToAnotherArea_KeepsCopy()
    {
        var cache = new NumbersCache(_feed);
        await cache.GetAsync(Load, default);
        await Commit("strategy");
        Assert.Equal("copy 1", await cache.GetAsync(Load, default));
    }

    [Fact]
    public async Task GetAsync_CommitWhileLoading_CopyNotServedAgain()
    {
        var cache = new NumbersCache(_feed);
        // The commit lands after the version was read but before the load returns.
        var first = await cache.GetAsync(async ct => { await Commit("risks"); return await Load(ct); }, default);
        Assert.Equal("copy 1", first);
        Assert.Equal("copy 2", await cache.GetAsync(Load, default));
    }

    [Fact]
    public async Task GetAsync_ManyMissAtOnce_OneLoadForAll()
    {
        var cache = new NumbersCache(_feed);
        var release = new TaskCompletionSource();
        async Task<string> SlowLoad(CancellationToken ct) { await release.Task; return await Load(ct); }
        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync(SlowLoad, default)).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(readers), copy => Assert.Equal("copy 1", copy));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task GetAsync_LoadFailed_NextReaderLoadsAgain()
    {
        var cache = new NumbersCache(_feed);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(_ => throw new InvalidOperationException("database gone"), default));
        Assert.Equal("copy 1", await cache.GetAsync(Load, default));
    }

    [Fact]
    public async Task GetAsync_ReaderGivesUpWhileAnotherLoads_TheLoadGoesOn()
    {
        var cache = new NumbersCache(_feed);
        var release = new TaskCompletionSource();
        async Task<string> SlowLoad(CancellationToken ct) { await release.Task; return await Load(ct); }
        var first = cache.GetAsync(SlowLoad, default);
        using var gone = new CancellationTokenSource();
        var second = cache.GetAsync(SlowLoad, gone.Token);
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        release.SetResult();
        Assert.Equal("copy 1", await first);
        Assert.Equal(1, _loads);
    }
}
