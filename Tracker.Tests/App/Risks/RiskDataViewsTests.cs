using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>
/// Everyone with the same filter and rights shares one computed register per snapshot of the risk data
/// (a thousand open registers reload on each save); a save, other rights or another filter get their own.
/// </summary>
public sealed class RiskDataViewsTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    async Task<(AsyncServiceScope Scope, RiskRegisterQueries Queries)> AsAsync(string account)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, account));
        return (scope, scope.ServiceProvider.GetRequiredService<RiskRegisterQueries>());
    }

    [Fact]
    public async Task SameFilterAndRights_OneRegister_OtherRightsFiltersAndSavesTheirOwn()
    {
        var (memberScope, member) = await AsAsync("member");
        var (chairScope, chair) = await AsAsync("chair");
        var (leadScope, lead) = await AsAsync("lead");
        var (adminScope, admin) = await AsAsync("admin");
        await using var _ = memberScope; await using var __ = chairScope; await using var ___ = leadScope; await using var ____ = adminScope;

        // Two people who may change nothing, one register; the chair and the administrator may change everything, another.
        var (otherMemberScope, otherMember) = await AsAsync("member");
        await using var _____ = otherMemberScope;
        var seen = await member.GetRegisterAsync(new RiskFilter());
        Assert.Same(seen, await otherMember.GetRegisterAsync(new RiskFilter()));
        Assert.All(seen.Rows, r => Assert.False(r.CanEdit));
        Assert.False(seen.CanCreate);
        var everything = await chair.GetRegisterAsync(new RiskFilter());
        Assert.NotSame(seen, everything);
        Assert.Same(everything, await admin.GetRegisterAsync(new RiskFilter()));
        Assert.All(everything.Rows, r => Assert.True(r.CanEdit));

        // The lead may change their own groups' risks only: a register of their own, right for them.
        var theirs = await lead.GetRegisterAsync(new RiskFilter());
        Assert.NotSame(seen, theirs);
        Assert.NotSame(everything, theirs);
        Assert.Contains(theirs.Rows, r => r.CanEdit);
        Assert.Contains(theirs.Rows, r => !r.CanEdit);
        Assert.True(theirs.CanCreate);

        // Another filter or sort, or another page: its own register, with what it asked for.
        var byReference = await member.GetRegisterAsync(new RiskFilter { Sort = "reference" });
        Assert.NotSame(seen, byReference);
        Assert.Equal("reference", byReference.Filter.Sort);
        Assert.Equal(seen.Rows.Select(r => r.Reference).Order(ReferenceOrder.Instance), byReference.Rows.Select(r => r.Reference));
        Assert.Same(byReference, await otherMember.GetRegisterAsync(new RiskFilter { Sort = "reference" }));
        Assert.Equal(seen.Rows.Select(r => r.Id), (await member.GetRegisterAsync(new RiskFilter { Page = 2 })).Rows.Select(r => r.Id));

        // The heat map is shared the same way.
        var heatMap = await member.GetHeatMapAsync(ScoreKind.Net);
        Assert.Same(heatMap, await chair.GetHeatMapAsync(ScoreKind.Net));
        Assert.NotSame(heatMap, await chair.GetHeatMapAsync(ScoreKind.Gross));

        // A save: a new snapshot, so a new register showing it, shared again.
        var id = await app.RiskIdAsync("R3");
        var risks = adminScope.ServiceProvider.GetRequiredService<RiskService>();
        var loaded = (await risks.GetForEditAsync(id))!;
        Assert.True((await risks.UpdateAsync(id, loaded.Version, loaded.Input with { Title = "Shared views, revised" })).Succeeded);
        var after = await member.GetRegisterAsync(new RiskFilter());
        Assert.NotSame(seen, after);
        Assert.Equal("Shared views, revised", after.Rows.Single(r => r.Id == id).Title);
        Assert.Same(after, await otherMember.GetRegisterAsync(new RiskFilter()));
        Assert.NotSame(heatMap, await member.GetHeatMapAsync(ScoreKind.Net));
    }

    [Fact]
    public async Task ComputationFails_NotKept_NextReaderComputesAgain()
    {
        var data = RiskData.Create(RiskMatrix.From(new RiskSettings()), [], [], new Dictionary<int, string>(), []);
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => RiskDataViews.GetAsync<string>(data, "view", () =>
        {
            calls++;
            throw new InvalidOperationException("database gone");
        }));
        Assert.Equal("computed", await RiskDataViews.GetAsync(data, "view", () => { calls++; return Task.FromResult("computed"); }));
        Assert.Equal("computed", await RiskDataViews.GetAsync(data, "view", () => { calls++; return Task.FromResult("again"); }));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ManyReadersAtOnce_ComputedOnce()
    {
        var data = RiskData.Create(RiskMatrix.From(new RiskSettings()), [], [], new Dictionary<int, string>(), []);
        var calls = 0;
        var release = new TaskCompletionSource();
        var readers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => RiskDataViews.GetAsync(data, "view", async () =>
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return new object();
        }))).ToList();
        await Task.Delay(50);
        release.SetResult();
        var views = await Task.WhenAll(readers);
        Assert.Equal(1, calls);
        Assert.All(views, v => Assert.Same(views[0], v));
    }
}
