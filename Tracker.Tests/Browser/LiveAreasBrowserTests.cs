using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>Issue 6's scenarios across the areas: two signed-in people, one saves, the other sees it without reloading. (The risk register's are in RiskReviewBrowserTests and RiskBrowserTests.)</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveAreasBrowserTests(BrowserFixture browser)
{
    static readonly LocatorAssertionsToContainTextOptions WithinTwoSeconds = new() { Timeout = 2000 };

    static async Task WaitForLiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("[data-live-status]").First).ToHaveAttributeAsync("data-state", "connected");

    Task<int> ActionIdAsync(string number) =>
        browser.App.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task ActionRag_LeadSaves_ChairsDashboardAndReportUpdateWithoutReload()
    {
        var quarter = FinancialQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow));
        var id = await ActionIdAsync("3.1");

        var dashboard = await browser.SignedInPageAsync("chair");
        await WaitForLiveAsync(dashboard);
        var report = await dashboard.Context.NewPageAsync();
        await report.GotoAsync($"/actions/report?year={quarter.Year}&quarter={quarter.Quarter}");
        await WaitForLiveAsync(report);
        var summaryBefore = await dashboard.Locator("[data-strategy-summary]").InnerTextAsync();

        var lead = await browser.SignedInPageAsync("lead");
        await lead.GotoAsync($"/actions/{id}/update");
        await lead.GetByLabel("Red").CheckAsync();
        await lead.GetByLabel("Narrative").FillAsync("Funding for the burglary prevention patrols was withdrawn this quarter.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await lead.WaitForURLAsync(url => url.Contains("saved=true"));

        var row = report.Locator("[data-report-action='3.1']");
        await Assertions.Expect(row.Locator("[data-rag]").First).ToHaveTextAsync("Red", new() { Timeout = 2000 });
        await Assertions.Expect(row).ToContainTextAsync("Funding for the burglary prevention patrols was withdrawn", WithinTwoSeconds);
        await Assertions.Expect(dashboard.Locator("[data-strategy-summary]")).Not.ToHaveTextAsync(summaryBefore, new() { Timeout = 2000 });
        await Assertions.Expect(dashboard.Locator("[data-live-announcer]")).ToContainTextAsync("Action 3.1 updated by Peter Sibley", WithinTwoSeconds);
        await dashboard.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task Narrative_HalfTypedWhenAnotherUpdateArrives_KeptWithNotice()
    {
        var id = await ActionIdAsync("5.1");
        var lead = await browser.SignedInPageAsync("lead");
        await lead.GotoAsync($"/actions/{id}/update");
        await WaitForLiveAsync(lead);
        await lead.GetByLabel("Narrative").FillAsync("Half-typed narrative about the town centre patrols");

        var admin = await browser.SignedInPageAsync("admin");
        await admin.GotoAsync($"/actions/{id}/update");
        await admin.GetByLabel("Green").CheckAsync();
        await admin.GetByLabel("Narrative").FillAsync("On track: the clerk recorded this from the sub-group minutes.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("saved=true"));

        await Assertions.Expect(lead.Locator("[data-live-notice]")).ToContainTextAsync("Action 5.1 was changed by Amanda Mumford", WithinTwoSeconds);
        Assert.Equal("Half-typed narrative about the town centre patrols", await lead.GetByLabel("Narrative").InputValueAsync());
        await lead.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
