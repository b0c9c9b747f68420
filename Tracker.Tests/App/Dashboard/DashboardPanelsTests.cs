using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Dashboard;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.People;
using Tracker.App.Features.Risks;
using Tracker.App.Features.Strategy;
using Tracker.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Dashboard;

public sealed class DashboardPanelsTests
{
    [Fact]
    public void All_Order_MattersArisingThenStrategyThenRisksThenPartnership() =>
        Assert.Equal([typeof(MattersPanel), typeof(StrategyPanel), typeof(RisksPanel), typeof(PartnershipPanel)], DashboardPanels.All);

    [Fact]
    public void Topics_EachPanelsArea() =>
        Assert.Equal(["matters-arising", "strategy", "risks", "people"], DashboardPanels.Topics);
}

/// <summary>The dashboard rendered with the real panels and services; live as others save.</summary>
public sealed class DashboardTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<IRenderedComponent<Tracker.App.Features.Dashboard.Dashboard>> OpenAsync(string account)
    {
        await SignInAsAsync(account);
        var cut = Render<Tracker.App.Features.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("ASB and Envirocrime Sub-Group", cut.Find("[data-partnership-panel]").TextContent));
        return cut;
    }

    [Fact]
    public async Task Render_Chair_WelcomeAndEveryPanelInOrder()
    {
        var cut = await OpenAsync("chair");
        Assert.Equal("Dashboard", cut.Find("h1").TextContent);
        Assert.Contains("Welcome, Councillor Kate Lymer.", cut.Markup);
        Assert.Equal(["matters-arising", "strategy", "risks", "people"],
            cut.FindAll("[data-dashboard-panel]").Select(p => p.GetAttribute("data-dashboard-panel")));
        Assert.Contains("Matters arising", cut.Find("[data-dashboard-panel=matters-arising]").TextContent);
        Assert.Contains("Progress against the strategy", cut.Find("[data-dashboard-panel=strategy]").TextContent);
        Assert.Contains("Risk register", cut.Find("[data-dashboard-panel=risks]").TextContent);
        Assert.Single(cut.FindAll("h1"));
    }

    [Fact]
    public async Task Render_FollowsEachPanelsTopic_AndStopsWhenDisposed()
    {
        var before = DashboardPanels.Topics.ToDictionary(t => t, Feed.SubscriberCount);
        await OpenAsync("member");
        Assert.All(DashboardPanels.Topics, t => Assert.True(Feed.SubscriberCount(t) > before[t], t));
        await DisposeComponentsAsync();
        Assert.All(DashboardPanels.Topics, t => Assert.Equal(before[t], Feed.SubscriberCount(t)));
    }

    [Fact]
    public async Task PersonAdded_Elsewhere_PartnershipPanelCountsAgain()
    {
        var cut = await OpenAsync("member");
        var people = await App.WithDbAsync(db => db.People.CountAsync());
        Assert.Contains($"{people} people", cut.Find("[data-partnership-panel]").TextContent);

        var (scope, service) = await AsAsync<PeopleService>("admin");
        await using (scope)
            Assert.True((await service.CreateAsync(new Tracker.Domain.People.PersonInput("Dashboard Visitor", "DV", "Observer", null, null))).Succeeded);

        cut.WaitForAssertion(() => Assert.Contains($"{people + 1} people", cut.Find("[data-partnership-panel]").TextContent),
            TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task RiskChanged_Elsewhere_RisksPanelLoadsAgain()
    {
        var cut = await OpenAsync("member");
        var panel = cut.Find("[data-dashboard-panel=risks]").TextContent;
        var before = cut.FindComponent<RisksPanel>();
        var renders = before.RenderCount;
        await Feed.PublishAsync([new ChangeEvent("risks", "1", "updated", "Risk R1", 2, "Someone", DateTimeOffset.UtcNow, "someone-else")]);
        // The risks panel is live itself (it follows "risks"): it reloads in place rather than being made again.
        cut.WaitForAssertion(() => Assert.True(cut.FindComponent<RisksPanel>().RenderCount > renders), TimeSpan.FromSeconds(3));
        Assert.Same(before.Instance, cut.FindComponent<RisksPanel>().Instance);
        Assert.Equal(panel, cut.Find("[data-dashboard-panel=risks]").TextContent);
    }

    [Fact]
    public async Task Render_Lead_OpensWithWhatIsDue_AndCountsAgainAsTheySave()
    {
        var cut = await OpenAsync("lead");
        var my = await Circuit<StrategyQueries>().MyUpdatesAsync();
        var review = my.Review;
        Assert.NotNull(review.Meeting);
        var due = cut.Find("[data-what-is-due]");
        // First on the page, before the panels.
        Assert.True(cut.Markup.IndexOf("data-what-is-due", StringComparison.Ordinal) < cut.Markup.IndexOf("data-dashboard-panel", StringComparison.Ordinal));
        Assert.Contains($"{review.Sentence}.", due.QuerySelector("[data-deadline]")!.TextContent);
        Assert.NotNull(due.QuerySelector($"[data-deadline] a[href='/meetings/{review.Meeting!.Id}']"));
        Assert.True(my.Updated < my.Rows.Count, "the sample lead has actions outstanding");
        Assert.Contains($"{my.Updated} of {my.Rows.Count} updated for {review.Quarter.Label}", due.QuerySelector("[data-due-updates]")!.TextContent);
        Assert.Equal("/actions/my", due.QuerySelector("[data-due-updates] a")!.GetAttribute("href"));
        // Peter Sibley (PS) owns the PSPO matter arising and the register's PSPO consultation further action.
        Assert.Contains(due.QuerySelectorAll("[data-due-matters] a"), a => a.GetAttribute("href")!.StartsWith("/matters-arising/"));
        Assert.Contains(due.QuerySelectorAll("[data-due-further-actions] a"),
            a => a.GetAttribute("href")!.StartsWith("/risks/") && a.TextContent.Contains("Complete the statutory consultation on the PSPO extension"));

        // The lead saves an outstanding action elsewhere: the count follows.
        var outstanding = my.Rows.First(r => r.State == MyUpdateState.NotUpdated).ActionId;
        var version = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == outstanding).Select(a => a.Version).SingleAsync());
        var (scope, service) = await AsAsync<StrategyService>("lead");
        await using (scope)
            Assert.True((await service.SaveUpdateAsync(outstanding, review.Quarter, version,
                new UpdateSubmission(Tracker.Domain.Strategy.RagStatus.Green, "On track for the meeting.", null))).Succeeded);
        cut.WaitForAssertion(() => Assert.Contains($"{my.Updated + 1} of {my.Rows.Count} updated",
            cut.Find("[data-what-is-due] [data-due-updates]").TextContent), TimeSpan.FromSeconds(3));
    }
}
