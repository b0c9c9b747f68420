using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StrategyBrowserTests(BrowserFixture browser)
{
    // What the pages default to: the quarter the next Strategic Group meeting reviews.
    FinancialQuarter Current => browser.App.QuarterUnderReview();

    Task<int> ActionIdAsync(string number) =>
        browser.App.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title.Contains("2020"))
            .Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task LeadUpdate_FromMyUpdatesToReport_ShownAndPrintedWithoutNavigation()
    {
        var page = await browser.SignedInPageAsync("lead");
        await page.OpenAsync("/actions/my");
        await page.GetByRole(AriaRole.Link, new() { Name = "Update action 8.3" }).First.ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-rag-option=Amber] input[type=radio]").CheckAsync();
        await page.GetByLabel("Narrative").FillAsync("Quad bike nuisance in Cray Valley continues.\n\n- Op Green Champion extended\n- Two more bikes seized");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("saved=true"));

        await page.OpenAsync($"/actions/report?year={Current.Year}&quarter={Current.Quarter}");
        var row = page.Locator("[data-report-action='8.3']").First;
        await Assertions.Expect(row).ToContainTextAsync("Quad bike nuisance in Cray Valley continues.");
        await Assertions.Expect(row.Locator("li")).ToHaveTextAsync(["Op Green Champion extended", "Two more bikes seized"]);
        await Assertions.Expect(row.Locator("[data-rag]")).ToHaveTextAsync("Amber");

        // The A4 print layout drops the navigation, the live text and the charts, and keeps the report.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-presence]").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-charts]")).ToBeHiddenAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CompletenessBoard_LeadSaves_ChairsBoardChangesWithinTwoSeconds()
    {
        var strategy = await browser.App.WithDbAsync(db => db.Strategies.Where(s => s.Title.Contains("2020")).Select(s => s.Id).FirstAsync());
        var chair = await browser.SignedInPageAsync("chair");
        await chair.OpenAsync($"/actions/completeness?strategy={strategy}&year={Current.Year}&quarter={Current.Quarter}");
        var row = chair.Locator("[data-completeness=lead] tr", new() { HasText = "Peter Sibley" }).First;
        var before = int.Parse(await row.Locator("[data-updated]").InnerTextAsync());

        var quarter = Current;
        var id = await browser.App.WithDbAsync(db => db.StrategyActions
            .Where(a => !a.IsRetired && a.Objective!.Priority!.StrategyId == strategy && a.Owners.Any(o => o.Person!.Initials == "PS")
                        && !a.Updates.Any(u => u.Year == quarter.Year && u.Quarter == quarter.Quarter))
            .Select(a => a.Id).FirstAsync());
        var lead = await browser.SignedInPageAsync("lead");
        await lead.OpenAsync($"/actions/{id}/update");
        await lead.Locator("[data-rag-option=Green] input[type=radio]").CheckAsync();
        await lead.GetByLabel("Narrative").FillAsync("On track: the partnership plan was agreed.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await lead.WaitForURLAsync(url => url.Contains("saved=true"));

        await Assertions.Expect(row.Locator("[data-updated]")).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 2000 });
        await chair.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }

    public static TheoryData<string, string, int> Pages => new()
    {
        { "member", "/actions?year=2020&quarter=4", 1280 },
        { "member", "/actions?year=2020&quarter=4", 390 },
        { "member", "/actions/report?year=2020&quarter=4", 1280 },
        { "member", "/actions/report?year=2020&quarter=4", 390 },
        { "lead", "/actions/my", 1280 },
        { "lead", "/actions/my", 390 },
        { "chair", "/actions/completeness?year=2020&quarter=4", 1280 },
        { "chair", "/actions/completeness?year=2020&quarter=4", 390 },
        { "chair", "/actions/overrides?year=2020&quarter=4", 1280 },
        { "chair", "/actions/overrides?year=2020&quarter=4", 390 },
        { "admin", "/admin/strategy", 1280 },
        { "admin", "/admin/strategy", 390 },
        { "admin", "/admin/strategy/metrics", 1280 },
        { "admin", "/admin/strategy/metrics", 390 },
        { "admin", "/admin/strategy/rag-definitions", 1280 },
        { "admin", "/admin/strategy/rag-definitions", 390 },
        { "admin", "/admin/strategy/strategies/new", 390 },
        { "admin", "/admin/strategy/metrics/1/edit", 1280 },
        { "admin", "/admin/strategy/metrics/1/values/new", 390 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_BothWidths_NoAxeViolationsAndNoSidewaysScroll(string account, string url, int width)
    {
        var page = await browser.SignedInPageAsync(account, width, width == 390 ? 844 : 720);
        await page.OpenAsync(url);
        await page.AssertNoAxeViolationsAsync();
        var wide = await page.EvaluateAsync<string>(@"() => document.documentElement.scrollWidth <= window.innerWidth + 1 ? '' :
            [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
                .slice(0, 5).map(e => e.tagName + '.' + e.className).join(' | ')");
        Assert.True(wide == "", $"The page scrolls sideways: {wide}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("1.2", 1280)]
    [InlineData("1.2", 390)]
    public async Task ActionPages_BothWidths_NoAxeViolationsWithErrorsShowing(string number, int width)
    {
        var id = await ActionIdAsync(number);
        var page = await browser.SignedInPageAsync("admin", width, width == 390 ? 844 : 720);
        await page.OpenAsync($"/actions/{id}");
        await page.AssertNoAxeViolationsAsync();
        await page.OpenAsync($"/actions/{id}/update?year=2019&quarter=1");
        await page.GetByLabel("Evidence link (optional)").FillAsync("not a link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        var objective = await browser.App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.ObjectiveId).SingleAsync());
        var strategy = await browser.App.WithDbAsync(db => db.Objectives.Where(o => o.Id == objective).Select(o => o.Priority!.StrategyId).SingleAsync());
        foreach (var url in new[] { $"/admin/strategy/objectives/{objective}/actions/new", $"/admin/strategy/{strategy}/priorities/new", "/admin/strategy/priorities/1/sub-priorities/new",
                     $"/admin/strategy/{strategy}/metrics/new" })
        {
            await page.OpenAsync(url);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
            await page.AssertNoAxeViolationsAsync();
        }
        await page.Context.CloseAsync();
    }
}
