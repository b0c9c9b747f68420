using System.Net;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The register as the sample data seeds it; these tests only read.</summary>
public sealed class RiskRegisterTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task Get_Default_OpenRisksNetScoreHighestFirst()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks");
        var refs = page.References();

        Assert.Equal(12, refs.Count);
        Assert.DoesNotContain("R13", refs);
        // Net 16 twice (ties go to the higher gross), then net 12, then R4 with gross 12 and no net.
        Assert.Equal(["R10", "R7", "R12", "R4"], refs.Take(4));
        var r4 = page.QuerySelector("tr[data-risk=R4]")!;
        Assert.Contains("Not yet assessed", r4.TextContent);
        Assert.Contains("Sorted by net score, highest first", page.QuerySelector("[data-risk-table] caption")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/risks/new']"));
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
    public async Task Get_QueryStringFilter_OnlyMatchingRisks(string query, string expected)
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/risks?{query}");
        Assert.Equal(expected.Split(','), page.References());
    }

    [Fact]
    public async Task Get_GroupFilter_OnlyThatGroupsRisks()
    {
        var member = await app.SignInAsync("member");
        var asb = await app.GroupIdAsync("ASB and Envirocrime");
        var page = await member.GetPageAsync($"/risks?group={asb}&sort=reference");
        Assert.Equal(["R5", "R6"], page.References());
        Assert.Equal(asb.ToString(), page.QuerySelector("#group option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Get_Default_DirectionOfTravelInWordsAndSymbols()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks");
        string Direction(string reference) => page.QuerySelector($"tr[data-risk={reference}] [data-direction]")!.TextContent.Trim();
        Assert.Equal("▲ Worse", Direction("R7"));
        Assert.Equal("▼ Better", Direction("R10"));
        Assert.Equal("◆ Unchanged", Direction("R1"));
    }

    [Fact]
    public async Task Get_SinceBeforeTheRiskLog_AllNew()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks?since=2000-01-01");
        Assert.All(page.QuerySelectorAll("[data-risk-table] [data-direction]"), d => Assert.Equal("new", d.GetAttribute("data-direction")));
    }

    [Fact]
    public async Task Get_Register_HeatMapCellsLinkToFilteredRegister()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks");
        var cell = page.QuerySelector("[data-heat-map=Net] td[data-cell='4-4']")!;
        Assert.Equal("2", cell.GetAttribute("data-count"));
        Assert.Equal("/risks?scores=net&likelihood=4&severity=4", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("16 High", cell.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-not-assessed]")!.GetAttribute("data-not-assessed"));
    }

    [Fact]
    public async Task Get_LiveFragments_SameComponents()
    {
        var member = await app.SignInAsync("member");
        var table = await member.GetPageAsync("/live/risks/table?category=L&sort=reference");
        Assert.Equal(["R1", "R2", "R5", "R8", "R11"], table.References());
        var map = await member.GetPageAsync("/live/risks/heat-map?scores=gross");
        Assert.Equal("4", map.QuerySelector("[data-heat-map=Gross] td[data-cell='4-4']")!.GetAttribute("data-count"));
        Assert.NotNull(map.QuerySelector("[data-heat-map=Gross] th[scope=row]"));
    }

    [Fact]
    public async Task Get_Detail_HistoryAndFurtherActions()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/risks/{await app.RiskIdAsync("R7")}");
        // Three reassessments and the dated "No change" note of the last meeting (kept though the scores did not move).
        Assert.Equal(4, page.QuerySelectorAll("[data-history] tbody tr").Length);
        var actions = page.QuerySelector("[data-further-actions]")!.TextContent;
        Assert.Contains("Bid to MOPAC for additional IDVA funding", actions);
        Assert.Contains("Red", actions);
        Assert.Null(page.QuerySelector("a[href$='/edit']"));
    }

    [Fact]
    public async Task Get_RiskLogRisk_HeldVerbatim()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/risks/{await app.RiskIdAsync("R3")}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Lack of capacity and coordination around data management resulting in loss of insight. Lack of skilled data analysis and interpretation resulting in a narrow", text);
        Assert.Contains("T, E", text);
        Assert.Contains("Develop a data working group to support improved data sharing, interpretation, analysis and presentation", text);
    }

    [Fact]
    public async Task Get_Dashboard_RiskPanelCounts()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/");
        var panel = page.QuerySelector("[data-risks-panel]")!;
        Assert.Equal("3", panel.QuerySelector("[data-above-appetite]")!.GetAttribute("data-above-appetite"));
        Assert.Equal("2", panel.QuerySelector("[data-overdue]")!.GetAttribute("data-overdue"));
        Assert.Equal("3 High", panel.QuerySelector("[data-band-count=high]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/risks/heat-map?scores=target")]
    [InlineData("/risks/print")]
    [InlineData("/risks/review")]
    public async Task Get_OtherViews_Ok(string url)
    {
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Print_AllRiskLogColumnsInReferenceOrder()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks/print");
        Assert.Equal("R1", page.QuerySelector(".tracker-risk-log__table tbody tr[data-risk]")!.GetAttribute("data-risk"));
        var headers = page.QuerySelectorAll(".tracker-risk-log__table thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Controls in place", headers);
        Assert.Contains("Further action required", headers);
        Assert.Contains("Target risk score", headers);
    }
}
