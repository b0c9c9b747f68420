using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>
/// A long register (the sample's 12 open risks and 60 more) shows 50 rows a page, with the page in the
/// address beside the filters and sort, so a register of a thousand risks stays quick and light.
/// </summary>
public sealed class RiskRegisterPagingTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    async Task AddRisksAsync()
    {
        if (await App.WithDbAsync(db => Task.FromResult(db.Risks.Any(r => r.Reference == "R160")))) return;
        var writes = await App.WritesAsync(TrackerRoles.Administrator, "BB");
        var strategic = await App.GroupIdAsync("Strategic Group");
        for (var i = 101; i <= 160; i++)
        {
            var result = await writes.CreateAsync(new RiskInput($"R{i}", $"Long register risk {i}", null, null, ["E"], strategic, 1, 1, null,
                null, null, null, null, 3, null, RiskStatus.Open, null));
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Message)));
        }
    }

    async Task<IRenderedComponent<RiskRegisterPage>> OpenRegisterAsync(string query)
    {
        await AddRisksAsync();
        await SignInAsAsync("member");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/risks?" + query);
        var cut = Render<RiskRegisterPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-risk-table] tbody tr")));
        return cut;
    }

    [Fact]
    public async Task Register_SecondPage_LastRowsWithTheFiltersAndSortKept()
    {
        var cut = await OpenRegisterAsync("sort=reference&page=2");

        // 72 open risks in reference order: R1–R12, then R101–R160; page 2 holds the 51st to the 72nd.
        var refs = cut.References();
        Assert.Equal(22, refs.Count);
        Assert.Equal("R139", refs[0]);
        Assert.Equal("R160", refs[^1]);
        Assert.StartsWith("72 risks, showing 51–72", cut.Find("[data-risk-table] caption").TextContent.Trim());
        var pager = cut.Find("[data-risk-pager]");
        Assert.Equal("Pages of the risk register", pager.GetAttribute("aria-label"));
        Assert.Contains("Page 2 of 2", pager.TextContent);
        Assert.Equal("/risks?sort=reference", pager.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(pager.QuerySelector("a[rel=next]"));
        // Sorting by another column starts again at the first page.
        Assert.Equal("/risks?sort=group", cut.Find("th a.sort-link[href*='sort=group']").GetAttribute("href"));
    }

    [Fact]
    public async Task Register_FirstPage_FiftyRowsAndANextLink()
    {
        var cut = await OpenRegisterAsync("sort=reference&category=E");

        Assert.Equal(50, cut.References().Count);
        Assert.Equal(["R1", "R2"], cut.References().Take(2));
        var next = cut.Find("[data-risk-pager] a[rel=next]");
        Assert.Equal("/risks?category=E&sort=reference&page=2", next.GetAttribute("href"));
        Assert.Equal("Next 50 risks", next.TextContent);
        Assert.Empty(cut.FindAll("[data-risk-pager] a[rel=prev]"));
    }

    [Fact]
    public async Task Register_PageBeyondTheLast_ShowsTheLastPage()
    {
        var cut = await OpenRegisterAsync("sort=reference&page=9");
        Assert.Equal("R160", cut.References()[^1]);
        Assert.Contains("Page 2 of 2", cut.Find("[data-risk-pager]").TextContent);
    }

    [Fact]
    public async Task Register_FilterChosenOnALaterPage_BackToTheFirstPage()
    {
        var cut = await OpenRegisterAsync("sort=reference&page=2");
        cut.Find("[data-filters-toggle]").Click();
        cut.Find("select#status").Change("all");
        Assert.EndsWith("/risks?status=all&sort=reference", Uri);
    }

    [Fact]
    public void Filter_Page_InTheAddressOnlyAfterTheFirst()
    {
        static RiskFilter Query(string query) => RiskFilter.FromQuery(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query));
        Assert.Equal(3, Query("page=3").Page);
        Assert.Null(Query("page=1").Page);
        Assert.Null(Query("page=0").Page);
        Assert.Null(Query("page=last").Page);
        Assert.Equal("/risks?sort=reference&page=3", new RiskFilter { Sort = "reference", Page = 3 }.ToUrl());
        Assert.Equal(0, Query("page=3").ActiveFilters);
    }
}
