using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>
/// The strategy pages as the server first renders them (prerendering), the CSV export and the
/// pages' permissions: everything an HTTP request can check. Saving is covered by the bUnit and
/// service tests beside this file.
/// </summary>
public sealed class StrategyPagesTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    Task<int> StrategyIdAsync() => app.WithDbAsync(db => db.Strategies.Where(s => s.Title == SampleStrategies.History).Select(s => s.Id).SingleAsync());

    Task<int> ActionIdAsync(string number) =>
        app.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title == SampleStrategies.History).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task Overview_Quarter4Of2020_RollUpsAndActions()
    {
        var strategy = await StrategyIdAsync();
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/actions?strategy={strategy}&year=2020&quarter=4");
        Assert.Equal("Actions: Quarter Four 2020/21", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Priority One – Safer Neighbourhoods", page.QuerySelector("h2")!.TextContent);
        Assert.Equal("Amber", page.QuerySelector("h2 [data-rag]")!.GetAttribute("data-rag"));
        Assert.Equal("Green", page.QuerySelector("[data-rollup] [data-rag]")!.GetAttribute("data-rag"));
        Assert.Empty(page.QuerySelectorAll("[class*=govuk], [data-live-src]"));
    }

    [Fact]
    public async Task Report_Quarter4Of2020_LayoutOfThePapersAndMetricsTable()
    {
        var strategy = await StrategyIdAsync();
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/actions/report?strategy={strategy}&year=2020&quarter=4");
        var first = page.QuerySelector("table.report")!;
        Assert.Equal("Quarter Four - Progress Against Priority One of the Safer Bromley Partnership Strategy 2020–23", first.QuerySelector("caption")!.TextContent.Trim());
        Assert.Contains("Partner – Police", first.TextContent);
        Assert.Contains("1. Improve partnership and stakeholder engagement and collaboration", first.TextContent);
        // RAG as coloured cells with the word.
        var cell = first.QuerySelector("tr[data-report-action] td.report__rag")!;
        Assert.Contains(cell.ClassList, c => c.StartsWith("report__rag--"));
        Assert.Equal(cell.GetAttribute("data-rag"), cell.TextContent);
        var hate = page.QuerySelectorAll("[data-metrics] tbody tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Hate Crime");
        var metrics = hate.Closest("[data-metrics]")!;
        Assert.Equal(["Category", "Rolling Year Jan 21 Numbers", "% difference Rolling Year", "RAG Status"],
            metrics.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray());
        Assert.Equal(["513", "+16% (441)"], hate.QuerySelectorAll("td.numeric").Select(td => td.TextContent).ToArray());
        Assert.Equal("Amber", hate.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));
    }

    [Fact]
    public async Task Report_Quarter4Of2020_ChartsWithTextAlternatives()
    {
        var strategy = await StrategyIdAsync();
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/actions/report?strategy={strategy}&year=2020&quarter=4");
        var charts = page.QuerySelector("[data-charts]")!;
        Assert.NotNull(charts.Closest(".no-print"));
        var mix = charts.QuerySelectorAll("[data-chart=rag-mix]");
        Assert.NotEmpty(mix);
        // Each chart is hidden from screen readers and has its figures as a table.
        Assert.All(mix, figure => Assert.NotNull(figure.QuerySelector("table caption")));
        Assert.Equal(["2020/21 Q1", "2020/21 Q2", "2020/21 Q3", "2020/21 Q4"],
            mix[0].QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()).ToArray());
        Assert.Contains(charts.QuerySelectorAll("[data-chart=metric] figcaption"), c => c.TextContent == "Hate Crime");
    }

    [Fact]
    public async Task ActionPage_Timeline_FromTheActionsStartToTheCurrentQuarter()
    {
        var id = await ActionIdAsync("7.2");
        var start = await app.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.StartDate).SingleAsync());
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/actions/{id}");
        var quarters = page.QuerySelectorAll("[data-quarter]").Select(q => int.Parse(q.GetAttribute("data-quarter")!)).ToList();
        var first = start is { } s ? FinancialQuarter.Containing(s) : new FinancialQuarter(2020, 1);
        Assert.Equal(first.Key, quarters.Min());
        // A strategy kept as history: its actions' timelines stop at its last quarter, not today.
        Assert.Equal(new FinancialQuarter(2022, 4).Key, quarters.Max());
        Assert.Equal("Green", page.QuerySelector("[data-quarter='20204'] [data-rag]")!.GetAttribute("data-rag"));
    }

    [Fact]
    public async Task MyUpdates_Lead_TheirAndTheirGroupsActionsWithDeadline()
    {
        var lead = await app.SignInAsync("lead");
        var page = await lead.GetPageAsync("/actions/my");
        var numbers = page.QuerySelectorAll("[data-my-action]").Select(r => r.GetAttribute("data-my-action")).ToList();
        Assert.Contains("1.2", numbers);
        Assert.Contains("5.1", numbers);
        Assert.DoesNotContain("1.3", numbers);
        Assert.Contains("updates are due by", page.QuerySelector("[data-deadline]")!.TextContent);
    }

    [Fact]
    public async Task Dashboard_Member_StrategyPanelCountsByRag()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/");
        Assert.Contains("Priority One – Safer Neighbourhoods", page.QuerySelector("[data-strategy-summary]")!.TextContent);
    }

    [Fact]
    public async Task Export_Quarter4Of2020_ExactHeaderAndActionRow()
    {
        var member = await app.SignInAsync("member");
        var strategy = await StrategyIdAsync();
        var response = await member.GetAsync($"/actions/export.csv?year=2020&quarter=4&strategy={strategy}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");

        Assert.Equal("Strategy,Priority,Objective,Action,Owners,Lead partner,Target date,Year,Quarter,RAG,Update,Updated by,Updated at", lines[0]);
        var row = lines.Single(l => l.Contains(",\"7.2 Police will provide a crime update"));
        Assert.Equal("Safer Bromley Partnership Strategy 2020–23,Priority One – Safer Neighbourhoods,7. How do we know we are on Track?," +
            "\"7.2 Police will provide a crime update at each Safer Bromley Partnership Board, and partners will present an end of year update in quarter 4.\"," +
            "CC,MPS,31/03/2023,2020/21,Q4,Green,This data has been presented for each quarter,Superintendent Colin Carswell,17/03/2021 10:00", row);
        Assert.Contains(lines, l => l.Contains("Introduce a perpetrator programme") && l.Contains(",Not updated,"));
    }

    [Theory]
    [InlineData("lead", "/actions/completeness")]
    [InlineData("lead", "/actions/overrides")]
    [InlineData("member", "/actions/overrides")]
    [InlineData("lead", "/admin/strategy")]
    [InlineData("chair", "/admin/strategy/metrics")]
    [InlineData("lead", "/admin/strategy/metrics/1/values/new")]
    [InlineData("chair", "/admin/strategy/metrics/1/edit")]
    [InlineData("member", "/admin/strategy/priorities/1/sub-priorities/new")]
    [InlineData("chair", "/admin/strategy/rag-definitions")]
    public async Task Pages_NotAllowed_AccessDenied(string account, string url)
    {
        var client = await app.SignInAsync(account);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task LiveFragments_Gone()
    {
        var member = await app.SignInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/live/strategy/panel")).StatusCode);
    }

    [Theory]
    [InlineData("admin", "/admin/strategy")]
    [InlineData("admin", "/admin/strategy/metrics")]
    [InlineData("admin", "/admin/strategy/rag-definitions")]
    [InlineData("admin", "/admin/strategy/strategies/new")]
    [InlineData("chair", "/actions/completeness")]
    [InlineData("chair", "/actions/overrides?year=2020&quarter=4")]
    [InlineData("lead", "/actions/my")]
    public async Task Pages_Allowed_RenderWithoutTheOldStack(string account, string url)
    {
        var client = await app.SignInAsync(account);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Empty(page.QuerySelectorAll("[class*=govuk], [data-live-src]"));
    }

    [Fact]
    public async Task AdminIndex_Administrator_LinksToMetrics()
    {
        var admin = await app.SignInAsync("admin");
        var page = await admin.GetPageAsync("/admin");
        Assert.NotNull(page.QuerySelector("[data-admin-links] a[href='/admin/strategy/metrics']"));
        var tree = await admin.GetPageAsync("/admin/strategy");
        Assert.NotNull(tree.QuerySelector("a[href^='/admin/strategy/metrics']"));
    }
}
