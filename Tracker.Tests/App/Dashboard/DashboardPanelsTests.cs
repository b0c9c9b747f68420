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
        var before = cut.FindComponent<RisksPanel>().Instance;
        await Feed.PublishAsync([new ChangeEvent("risks", "1", "updated", "Risk R1", 2, "Someone", DateTimeOffset.UtcNow, "someone-else")]);
        cut.WaitForAssertion(() => Assert.NotSame(before, cut.FindComponent<RisksPanel>().Instance), TimeSpan.FromSeconds(3));
        Assert.Equal(panel, cut.Find("[data-dashboard-panel=risks]").TextContent);
    }
}
