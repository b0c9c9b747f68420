using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The register as the sample data seeds it: its rules as a service, its pages rendered with real services. These tests only read.</summary>
public sealed class RiskRegisterTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    static RiskFilter Query(string query) =>
        RiskFilter.FromQuery(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query));

    async Task<IRenderedComponent<RiskRegisterPage>> OpenRegisterAsync(string query = "")
    {
        await SignInAsAsync("member");
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/risks" + (query.Length > 0 ? "?" + query : ""));
        var cut = Render<RiskRegisterPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-risk-table] tbody tr")));
        return cut;
    }

    [Fact]
    public async Task Register_Default_OpenRisksNetScoreHighestFirst()
    {
        var cut = await OpenRegisterAsync();
        var refs = cut.References();

        Assert.Equal(12, refs.Count);
        Assert.DoesNotContain("R13", refs);
        // Net 16 twice (ties go to the higher gross), then net 12, then R4 with gross 12 and no net.
        Assert.Equal(["R10", "R7", "R12", "R4"], refs.Take(4));
        Assert.Contains("Not yet assessed", cut.Find("tr[data-risk=R4]").TextContent);
        Assert.Contains("Sorted by net score, highest first", cut.Find("[data-risk-table] caption").TextContent);
        Assert.Empty(cut.FindAll("a[href='/risks/new']"));
        Assert.Equal("descending", cut.Find("th[aria-sort]").GetAttribute("aria-sort"));
    }

    [Theory]
    [InlineData("category=L", "R5,R11,R8,R1,R2")]
    [InlineData("band=very-high&scores=gross", "R10,R7,R12")]
    [InlineData("band=high", "R10,R7,R12")]
    [InlineData("overdue=true", "R12,R8")]
    [InlineData("appetite=above", "R10,R7,R5")]
    [InlineData("status=closed", "R13")]
    [InlineData("scores=net&likelihood=4&severity=4", "R10,R7")]
    [InlineData("sort=reference&category=T", "R1,R2,R3,R8")]
    [InlineData("q=IDVA&sort=reference", "R7,R12")]
    [InlineData("q=r3", "R3")]
    public async Task GetRegister_QueryStringFilter_OnlyMatchingRisks(string query, string expected)
    {
        var register = await (await App.QueriesAsync()).GetRegisterAsync(Query(query));
        Assert.Equal(expected.Split(','), register.References());
    }

    [Fact]
    public async Task Filter_ToQuery_RoundTripsEveryFilter()
    {
        var filter = Query("group=3&category=L&band=high&status=all&overdue=true&appetite=above&scores=gross&likelihood=4&severity=2&sort=review&since=2026-01-15&q=youth%20crime&page=2");
        Assert.Equal(filter, Query(filter.ToQuery()));
        Assert.Equal("/risks", new RiskFilter().ToUrl());
        Assert.Equal(8, filter.ActiveFilters);
    }

    [Fact]
    public async Task GetRegister_GroupFilter_OnlyThatGroupsRisks()
    {
        var asb = await App.GroupIdAsync("ASB and Envirocrime");
        var register = await (await App.QueriesAsync()).GetRegisterAsync(Query($"group={asb}&sort=reference"));
        Assert.Equal(["R5", "R6"], register.References());
    }

    [Fact]
    public async Task Register_Default_DirectionOfTravelInWordsAndSymbols()
    {
        var cut = await OpenRegisterAsync();
        string Direction(string reference) => cut.Find($"tr[data-risk={reference}] [data-direction]").TextContent.Trim();
        Assert.Equal("▲ Worse", Direction("R7"));
        Assert.Equal("▼ Better", Direction("R10"));
        Assert.Equal("◆ Unchanged", Direction("R1"));
    }

    [Fact]
    public async Task GetRegister_SinceBeforeTheRiskLog_AllNew()
    {
        var register = await (await App.QueriesAsync()).GetRegisterAsync(Query("since=2000-01-01"));
        Assert.All(register.Rows, r => Assert.Equal(Direction.New, r.Direction));
    }

    [Fact]
    public async Task Register_HeatMapCellsLinkToFilteredRegister()
    {
        var cut = await OpenRegisterAsync();
        var cell = cut.Find("[data-heat-map=Net] td[data-cell='4-4']");
        Assert.Equal("2", cell.GetAttribute("data-count"));
        Assert.Equal("/risks?scores=net&likelihood=4&severity=4", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("16 High", cell.TextContent);
        Assert.Equal("1", cut.Find("[data-not-assessed]").GetAttribute("data-not-assessed"));
    }

    [Fact]
    public async Task Register_FiltersFromTheAddress_CollapsedAndCounted()
    {
        var cut = await OpenRegisterAsync("category=L&overdue=true");
        Assert.Equal(["R8"], cut.References());
        Assert.True(cut.Find("#risk-filter-panel").HasAttribute("hidden"));
        Assert.Contains("(2 applied)", cut.Find("[data-filters-toggle]").TextContent);
        cut.Find("[data-filters-toggle]").Click();
        Assert.False(cut.Find("#risk-filter-panel").HasAttribute("hidden"));
    }

    [Fact]
    public async Task Register_Filters_PlainLabelledControlsThatChangeTheAddress()
    {
        var cut = await OpenRegisterAsync("sort=reference");
        string Uri() => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;
        Assert.Equal("Search the register", cut.Find("label[for=q]").TextContent);
        cut.Find("[data-filters-toggle]").Click();
        Assert.Equal("true", cut.Find("[data-filters-toggle]").GetAttribute("aria-expanded"));
        foreach (var (id, label) in new[] { ("group", "Owner group"), ("category", "Category"), ("band", "Band"), ("scores", "Band of which score"),
                     ("status", "Status"), ("sort", "Sort by"), ("since", "Direction of travel since") })
        {
            Assert.Equal(label, cut.Find($"label[for={id}]").TextContent);
            Assert.NotNull(cut.Find($"#{id}"));
        }
        Assert.Equal("reference", cut.Find("select#sort option[selected]").GetAttribute("value"));

        cut.Find("select#category").Change("L");
        Assert.EndsWith("/risks?category=L&sort=reference", Uri());
        cut.Find("#q").Change("youth");
        Assert.Contains("q=youth", Uri());
        // Typing follows once it pauses.
        cut.Find("#q").Input("burglary");
        cut.WaitForAssertion(() => Assert.Contains("q=burglary", Uri()));
    }

    [Fact]
    public async Task Register_ChangeEvent_ReloadsTheRows()
    {
        var cut = await OpenRegisterAsync("sort=reference");
        var before = Feed.SubscriberCount("risks");
        Assert.True(before > 0);
        // A commit elsewhere moves the area's version on and tells the subscribers: the page reloads from the cache.
        await Feed.PublishAsync([new Tracker.App.Live.ChangeEvent("risks", "", "updated", "Risk matrix", 1, "Someone", DateTimeOffset.UtcNow)]);
        cut.WaitForAssertion(() => Assert.Equal(12, cut.References().Count));
    }

    [Fact]
    public async Task Detail_Member_HistoryFurtherActionsAndNoChangeLinks()
    {
        await SignInAsAsync("member");
        var id = await App.RiskIdAsync("R7");
        var cut = Render<RiskDetailPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-history] tbody tr")));
        // Three reassessments and the dated "No change" note of the last meeting (kept though the scores did not move).
        Assert.Equal(4, cut.FindAll("[data-history] tbody tr").Count);
        var actions = cut.Find("[data-further-actions]").TextContent;
        Assert.Contains("Bid to MOPAC for additional IDVA funding", actions);
        Assert.Contains("Red", actions);
        Assert.Empty(cut.FindAll("a[href$='/edit']"));
        Assert.Empty(cut.FindAll("[data-change-action], [data-add-action]"));
    }

    [Fact]
    public async Task Detail_MissingRisk_SaysSo()
    {
        await SignInAsAsync("member");
        var cut = Render<RiskDetailPage>(p => p.Add(c => c.Id, 999_999));
        cut.WaitForAssertion(() => Assert.Equal("Risk not found", cut.Find("h1").TextContent));
    }

    [Fact]
    public async Task Detail_RiskLogRisk_HeldVerbatimWithEveryColumn()
    {
        await SignInAsAsync("member");
        var id = await App.RiskIdAsync("R3");
        var cut = Render<RiskDetailPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-risk-log]")));
        var text = cut.Markup;
        Assert.Contains("Lack of capacity and coordination around data management resulting in loss of insight. Lack of skilled data analysis and interpretation resulting in a narrow", text);
        Assert.Contains("T, E", text);
        Assert.Contains("Develop a data working group to support improved data sharing, interpretation, analysis and presentation", text);
        var keys = cut.FindAll("[data-risk-log] dt").Select(d => d.TextContent).ToList();
        Assert.Equal(["Reference", "Risk", "Cause", "Impact", "Categories", "Owner group", "Gross risk (no controls)", "Controls in place",
            "Net risk (with controls)", "Target risk (once actions succeed)", "Review frequency", "Next review date", "Status"], keys);
    }

    [Fact]
    public async Task RisksPanel_Dashboard_CountsByBandAppetiteAndOverdue()
    {
        await SignInAsAsync("member");
        var cut = Render<RisksPanel>();
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-above-appetite]").GetAttribute("data-above-appetite")));
        Assert.Equal("2", cut.Find("[data-overdue]").GetAttribute("data-overdue"));
        Assert.Equal("3 High", cut.Find("[data-band-count=high]").TextContent.Trim());
    }

    [Fact]
    public async Task Get_Dashboard_RiskPanelCounts()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync("/");
        var panel = page.QuerySelector("[data-risks-panel]")!;
        Assert.Equal("3", panel.QuerySelector("[data-above-appetite]")!.GetAttribute("data-above-appetite"));
        Assert.Equal("2", panel.QuerySelector("[data-overdue]")!.GetAttribute("data-overdue"));
    }

    [Fact]
    public async Task HeatMapPage_Target_CountsAndExplanation()
    {
        await SignInAsAsync("member");
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/risks/heat-map?scores=target");
        var cut = Render<RiskHeatMapPage>();
        cut.WaitForAssertion(() => Assert.Equal("Target risk heat map", cut.Find("h1").TextContent));
        Assert.NotNull(cut.Find("[data-heat-map=Target]"));
        Assert.Equal("page", cut.Find("a[aria-current]").GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("/risks")]
    [InlineData("/risks/heat-map?scores=target")]
    [InlineData("/risks/print")]
    [InlineData("/risks/review")]
    public async Task Get_EveryRegisterView_OkForAMember(string url)
    {
        var member = await App.SignInAsync("member");
        var response = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_RiskPageAndItsEdit_PrerenderedForTheChair()
    {
        var chair = await App.SignInAsync("chair");
        var id = await App.RiskIdAsync("R1");
        foreach (var url in new[] { $"/risks/{id}", $"/risks/{id}/edit", "/risks/new", $"/risks/review?risk={id}" })
        {
            var response = await chair.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var admin = await App.SignInAsync("admin");
        foreach (var url in new[] { "/risks/import", "/risks/settings" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Get_Print_StaticRiskLogInReferenceOrderWithCompletedByAndNoLiveParts()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync("/risks/print");
        Assert.Equal("R1", page.QuerySelector(".risk-log__table tbody tr[data-risk]")!.GetAttribute("data-risk"));
        var headers = page.QuerySelectorAll(".risk-log__table thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Controls in place", headers);
        Assert.Contains("Further action required", headers);
        Assert.Contains("Target risk score", headers);
        Assert.Contains("Risk register completed by:", page.QuerySelector("[data-completed-by]")!.TextContent);
        // Static: no circuit, no navigation, no live status or announcements, no GOV.UK styles.
        Assert.Null(page.QuerySelector("script[src*='blazor.web.js']"));
        Assert.Null(page.QuerySelector("nav, .mud-appbar, .mud-drawer, [data-live-announcer], #components-reconnect-modal"));
        Assert.Null(page.QuerySelector("link[href*='app.css']"));
        Assert.Null(page.QuerySelector("[class*='govuk-']"));
    }

    [Fact]
    public async Task Get_PrintWithFilter_KeepsTheRegistersFilter()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync("/risks/print?category=T");
        var refs = page.QuerySelectorAll(".risk-log__table tbody tr[data-risk]").Select(r => r.GetAttribute("data-risk")).ToList();
        Assert.Equal(["R1", "R2", "R3", "R8"], refs);
    }
}
