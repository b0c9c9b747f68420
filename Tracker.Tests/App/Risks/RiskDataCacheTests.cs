using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tracker.App.Features.Risks;
using Tracker.App.Live;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>
/// The register's cache refreshes only the saved risk (the change event carries its key), and what it then
/// holds is what a whole reload would give: first with stand-in loaders, then through the app's own services.
/// </summary>
public sealed class RiskDataCacheTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    // ---- The cache's rules, with stand-in loaders over an in-memory "database" -------------------------------

    sealed class Loaders
    {
        public readonly Dictionary<int, string> Titles = new() { [1] = "One", [2] = "Two", [3] = "Three" };
        public int Full;
        public List<int[]> Partial = [];
        public bool FailNext;

        static RiskRecord Record(int id, string title) => new(id, 1, $"R{id}", title, "", "", "L", 1, new RiskScore(2, 2), "", null, null, 6, null,
            RiskStatus.Open, null, [], [], []);

        public Task<RiskData> All(CancellationToken _)
        {
            Full++;
            return Task.FromResult(RiskData.Create(RiskMatrix.From(new RiskSettings()), [], Titles.Select(t => Record(t.Key, t.Value)).ToList(),
                new Dictionary<int, string>(), []));
        }

        public Task<IReadOnlyList<RiskRecord>> Some(IReadOnlyCollection<int> ids, CancellationToken _)
        {
            if (FailNext) { FailNext = false; throw new InvalidOperationException("database gone"); }
            Partial.Add([.. ids.Order()]);
            return Task.FromResult<IReadOnlyList<RiskRecord>>(ids.Where(Titles.ContainsKey).Select(id => Record(id, Titles[id])).ToList());
        }
    }

    readonly ChangeFeed _feed = new(NullLogger<ChangeFeed>.Instance);
    readonly Loaders _db = new();

    Task Commit(string area, string key) =>
        _feed.PublishAsync([new ChangeEvent(area, key, "updated", "Something", 2, "Chair", DateTimeOffset.UnixEpoch)]);

    Task<RiskData> Get(RiskDataCache cache) => cache.GetAsync(_db.All, _db.Some, default);

    [Fact]
    public async Task OneRiskSaved_OnlyThatRiskReloaded_OthersShared()
    {
        using var cache = new RiskDataCache(_feed);
        var before = await Get(cache);
        _db.Titles[2] = "Two, revised";
        await Commit("risks", "2");
        var after = await Get(cache);

        Assert.Equal(1, _db.Full);
        Assert.Equal([[2]], _db.Partial);
        Assert.Equal(["One", "Two, revised", "Three"], after.Risks.Select(r => r.Title));
        Assert.Same(before.Risks[0], after.Risks[0]);
        Assert.Same(before.Risks[2], after.Risks[2]);
        Assert.Equal("Two", before.Risks[1].Title); // the old snapshot is never changed
        Assert.Same(after, await Get(cache));
    }

    [Fact]
    public async Task NewAndDeletedRisks_AddedInIdOrderAndRemoved()
    {
        using var cache = new RiskDataCache(_feed);
        await Get(cache);
        _db.Titles[4] = "Four";
        _db.Titles.Remove(1);
        await Commit("risks", "4");
        await Commit("risks", "1");
        var after = await Get(cache);

        Assert.Equal([[1, 4]], _db.Partial);
        Assert.Equal([2, 3, 4], after.Risks.Select(r => r.Id));
        Assert.Equal(JsonSerializer.Serialize(await _db.All(default)), JsonSerializer.Serialize(after));
    }

    [Theory]
    [InlineData("risks", "")]      // the matrix or a category
    [InlineData("people", "5")]    // group names
    public async Task NotOneRisk_EverythingReloaded(string area, string key)
    {
        using var cache = new RiskDataCache(_feed);
        await Get(cache);
        await Commit(area, key);
        await Get(cache);
        Assert.Equal(2, _db.Full);
        Assert.Empty(_db.Partial);
    }

    [Fact]
    public async Task ReloadRequested_EverythingReloaded()
    {
        using var cache = new RiskDataCache(_feed);
        await Get(cache);
        _feed.RequestReload();
        await Get(cache);
        Assert.Equal(2, _db.Full);
    }

    [Fact]
    public async Task FailedRefresh_NotKept_NextReaderReloadsEverything()
    {
        using var cache = new RiskDataCache(_feed);
        await Get(cache);
        _db.Titles[3] = "Three, revised";
        await Commit("risks", "3");
        _db.FailNext = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Get(cache));
        var after = await Get(cache);
        Assert.Equal(2, _db.Full);
        Assert.Equal("Three, revised", after.Risks.Single(r => r.Id == 3).Title);
    }

    [Fact]
    public async Task SaveWhileRefreshing_NotLost()
    {
        using var cache = new RiskDataCache(_feed);
        await Get(cache);
        await Commit("risks", "1");
        // Another save of risk 2 commits while risk 1 is being reloaded: the refresh does not cover it.
        var refreshing = cache.GetAsync(_db.All, async (ids, ct) =>
        {
            _db.Titles[2] = "Two, revised";
            await Commit("risks", "2");
            return await _db.Some(ids, ct);
        }, default);
        Assert.Equal("Two", (await refreshing).Risks.Single(r => r.Id == 2).Title);
        Assert.Equal("Two, revised", (await Get(cache)).Risks.Single(r => r.Id == 2).Title);
        Assert.Equal(1, _db.Full);
    }

    [Fact]
    public async Task ManyMissAtOnce_OneRefreshForAll()
    {
        using var cache = new RiskDataCache(_feed);
        await Get(cache);
        await Commit("risks", "1");
        var gate = new TaskCompletionSource();
        var first = cache.GetAsync(_db.All, async (ids, ct) => { await gate.Task; return await _db.Some(ids, ct); }, default);
        var others = Enumerable.Range(0, 10).Select(_ => Get(cache)).ToList();
        gate.SetResult();
        var all = await Task.WhenAll(others.Append(first));
        Assert.Single(_db.Partial);
        Assert.All(all, d => Assert.Same(all[0], d));
    }

    // ---- Through the app: RiskService saves, the app's cache, compared with a whole reload --------------------

    static string Json(RiskData data) => JsonSerializer.Serialize(data, new JsonSerializerOptions { IncludeFields = true });

    async Task<(AsyncServiceScope Scope, RiskRegisterQueries Queries, RiskService Risks)> AdminAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tracker.App.Common.CurrentUser>()
            .UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, "admin"));
        return (scope, scope.ServiceProvider.GetRequiredService<RiskRegisterQueries>(), scope.ServiceProvider.GetRequiredService<RiskService>());
    }

    [Fact]
    public async Task App_SaveNewCloseDelete_EachRefreshesOneRiskAndEqualsAWholeReload()
    {
        var (scope, queries, risks) = await AdminAsync();
        await using var _ = scope;
        var before = await queries.DataAsync(default);

        // A save of one risk: only its record is new.
        var id = await app.RiskIdAsync("R6");
        var loaded = (await risks.GetForEditAsync(id))!;
        Assert.True((await risks.UpdateAsync(id, loaded.Version, loaded.Input with { Title = "Youth violence, revised" })).Succeeded);
        var saved = await queries.DataAsync(default);
        Assert.NotSame(before, saved);
        Assert.Equal("Youth violence, revised", saved.Risks.Single(r => r.Id == id).Title);
        Assert.All(saved.Risks.Where(r => r.Id != id), r => Assert.Same(before.Risks.Single(b => b.Id == r.Id), r));
        Assert.Equal(Json(await queries.LoadDataAsync(default)), Json(saved));

        // A new risk: in the snapshot, in id order, as a whole reload has it.
        var created = await risks.CreateAsync(loaded.Input with { Reference = "R901", Title = "A new risk" });
        Assert.True(created.Succeeded);
        var withNew = await queries.DataAsync(default);
        Assert.Equal(before.Risks.Count + 1, withNew.Risks.Count);
        Assert.Equal(withNew.Risks.OrderBy(r => r.Id).Select(r => r.Id), withNew.Risks.Select(r => r.Id));
        Assert.Equal(Json(await queries.LoadDataAsync(default)), Json(withNew));

        // Closed: the register's open list leaves it out.
        var newId = withNew.Risks.Single(r => r.Reference == "R901").Id;
        var edit = (await risks.GetForEditAsync(newId))!;
        Assert.True((await risks.UpdateAsync(newId, edit.Version, edit.Input with { Status = RiskStatus.Closed, ClosingNote = "Done" })).Succeeded);
        var closed = await queries.DataAsync(default);
        Assert.Equal(RiskStatus.Closed, closed.Risks.Single(r => r.Id == newId).Status);
        Assert.DoesNotContain((await queries.GetRegisterAsync(new RiskFilter())).Rows, r => r.Id == newId);
        Assert.Equal(Json(await queries.LoadDataAsync(default)), Json(closed));

        // Deleted: gone from the snapshot.
        await app.WithDbAsync(async db =>
        {
            db.Risks.Remove(await db.Risks.SingleAsync(r => r.Id == newId));
            return await db.SaveChangesAsync();
        });
        var deleted = await queries.DataAsync(default);
        Assert.DoesNotContain(deleted.Risks, r => r.Id == newId);
        Assert.Equal(Json(await queries.LoadDataAsync(default)), Json(deleted));
        Assert.Same(saved.Risks.Single(r => r.Id == id), deleted.Risks.Single(r => r.Id == id));
    }
}
