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
        browser.App.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title == SampleStrategies.Current).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task ActionRag_LeadSaves_ChairsDashboardOverviewAndReportUpdateWithoutReload()
    {
        var quarter = (await browser.App.UnderReviewAsync()).Quarter;
        var id = await ActionIdAsync("3.1");

        var dashboard = await browser.SignedInPageAsync("chair");
        await dashboard.OpenAsync("/");
        var summaryBefore = await dashboard.Locator("[data-strategy-summary]").InnerTextAsync();
        var overview = await dashboard.Context.NewPageAsync();
        await overview.OpenAsync($"/actions?year={quarter.Year}&quarter={quarter.Quarter}");
        var report = await overview.Context.NewPageAsync();
        await report.OpenAsync($"/actions/report?year={quarter.Year}&quarter={quarter.Quarter}");

        var lead = await browser.SignedInPageAsync("lead");
        await lead.OpenAsync($"/actions/{id}/update");
        await lead.Locator("[data-rag-option=Red] input[type=radio]").CheckAsync();
        await lead.GetByLabel("Narrative").FillAsync("Funding for the burglary prevention patrols was withdrawn this quarter.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await lead.WaitForAddressAsync(url => url.Contains("saved=true"));

        var row = report.Locator("[data-report-action='3.1']").First;
        await Assertions.Expect(row.Locator("[data-rag]").First).ToHaveTextAsync("Red", new() { Timeout = 2000 });
        await Assertions.Expect(row).ToContainTextAsync("Funding for the burglary prevention patrols was withdrawn", WithinTwoSeconds);
        await Assertions.Expect(report.Locator("[data-live-announcer]")).ToContainTextAsync("Action 3.1 updated by Peter Sibley", WithinTwoSeconds);
        await Assertions.Expect(overview.Locator("[data-action='3.1'] [data-rag]").First).ToHaveTextAsync("Red", new() { Timeout = 2000 });
        await Assertions.Expect(dashboard.Locator("[data-strategy-summary]")).Not.ToHaveTextAsync(summaryBefore, new() { Timeout = 2000 });
        await dashboard.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task Narrative_HalfTypedWhenAnotherUpdateArrives_KeptWithNotice()
    {
        var id = await ActionIdAsync("5.1");
        var lead = await browser.SignedInPageAsync("lead");
        await lead.OpenAsync($"/actions/{id}/update");
        await lead.GetByLabel("Narrative").FillAsync("Half-typed narrative about the town centre patrols");

        var admin = await browser.SignedInPageAsync("admin");
        await admin.OpenAsync($"/actions/{id}/update");
        await admin.Locator("[data-rag-option=Green] input[type=radio]").CheckAsync();
        await admin.GetByLabel("Narrative").FillAsync("On track: the clerk recorded this from the sub-group minutes.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await admin.WaitForAddressAsync(url => url.Contains("saved=true"));

        await Assertions.Expect(lead.Locator("[data-changed-elsewhere]")).ToContainTextAsync("Amanda Mumford changed this record", WithinTwoSeconds);
        Assert.Equal("Half-typed narrative about the town centre patrols", await lead.GetByLabel("Narrative").InputValueAsync());
        await lead.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task MattersLog_ClerkAddsUpdate_LeadsOpenLogAndMatterPageShowItWithoutReload()
    {
        var matterId = await browser.App.WithDbAsync(db => db.MattersArising.Where(m => m.MinuteNumber == "64").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var viewer = await browser.SignedInPageAsync("chair");
        await viewer.OpenAsync("/matters-arising?view=Open");
        var matterPage = await viewer.Context.NewPageAsync();
        await matterPage.OpenAsync($"/matters-arising/{matterId}");

        var clerk = await browser.SignedInPageAsync("admin");
        await clerk.OpenAsync($"/matters-arising/{matterId}");
        await clerk.GetByLabel("Update", new() { Exact = true }).FillAsync("The Locality Review was discussed with the Home Office in July.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Add update" }).ClickAsync();

        await Assertions.Expect(viewer.Locator($"[data-matters-list] a[href='/matters-arising/{matterId}']").Locator("xpath=ancestor::tr"))
            .ToContainTextAsync("The Locality Review was discussed with the Home Office in July.", WithinTwoSeconds);
        await Assertions.Expect(matterPage.Locator("[data-updates]")).ToContainTextAsync("The Locality Review was discussed", WithinTwoSeconds);
        await viewer.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }
}
