using Microsoft.Playwright;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StrategyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task LeadUpdate_FromSignInToReport_ShownAndPagesAccessible()
    {
        var page = await browser.SignedInPageAsync("lead");
        await page.GotoAsync("/actions?year=2020&quarter=4");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/actions/my");
        await page.GetByRole(AriaRole.Link, new() { Name = "Update action 8.3" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Amber").CheckAsync();
        await page.GetByLabel("Narrative").FillAsync("Quad bike nuisance in Cray Valley continues.\n\n- Op Green Champion extended\n- Two more bikes seized");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("saved=true"));

        var current = FinancialQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow));
        await page.GotoAsync($"/actions/report?year={current.Year}&quarter={current.Quarter}");
        var row = page.Locator("[data-report-action='8.3']");
        await Assertions.Expect(row).ToContainTextAsync("Quad bike nuisance in Cray Valley continues.");
        await Assertions.Expect(row.Locator("li")).ToHaveTextAsync(["Op Green Champion extended", "Two more bikes seized"]);
        await Assertions.Expect(row.Locator("[data-rag]")).ToHaveTextAsync("Amber");
        await page.AssertNoAxeViolationsAsync();

        // The A4 print layout drops the navigation and keeps the report.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".tracker-nav")).ToBeHiddenAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
