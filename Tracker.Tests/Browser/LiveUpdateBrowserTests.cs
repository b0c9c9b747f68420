using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>Two signed-in people in separate browser contexts: one saves, the other sees it without reloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateBrowserTests(BrowserFixture browser)
{
    Task<int> IdOfAsync(string initials) =>
        browser.App.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    static async Task WaitForLiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");

    [Fact]
    public async Task PeopleTable_OtherUserSaves_UpdatesWithoutReloadAndAnnounces()
    {
        var id = await IdOfAsync("DT");
        var viewer = await browser.SignedInPageAsync("member");
        await viewer.OpenAsync("/people");
        var marker = await viewer.EvaluateAsync<string>("() => (window.__notReloaded = 'yes')");

        var editor = await browser.SignedInPageAsync("admin");
        await editor.OpenAsync($"/people/{id}/edit");
        await editor.GetByLabel("Role title").FillAsync("Head of Resilience");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await editor.WaitForURLAsync("**/people");

        await Assertions.Expect(viewer.Locator("[data-people-table]")).ToContainTextAsync("Head of Resilience", new() { Timeout = 2000 });
        await Assertions.Expect(viewer.Locator("[data-live-announcer]")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^Person DT updated by Amanda Mumford at \\d\\d:\\d\\d$"), new() { Timeout = 2000 });
        Assert.Equal(marker, await viewer.EvaluateAsync<string>("() => window.__notReloaded"));
        await viewer.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task EditForm_HalfTypedWhenOtherUserSaves_TextKeptAndNoticeShown()
    {
        var id = await IdOfAsync("EB");
        var typist = await browser.SignedInPageAsync("admin");
        await typist.OpenAsync($"/people/{id}/edit");
        await typist.GetByLabel("Role title").FillAsync("Half-typed by the first administrator");

        var other = await browser.SignedInPageAsync("admin");
        await other.OpenAsync($"/people/{id}/edit");
        await other.GetByLabel("Email address (optional)").FillAsync("elaine.beadle@example.org");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await other.WaitForURLAsync("**/people");

        await Assertions.Expect(typist.Locator("[data-changed-elsewhere]")).ToContainTextAsync("Amanda Mumford changed this record", new() { Timeout = 2000 });
        Assert.Equal("Half-typed by the first administrator", await typist.GetByLabel("Role title").InputValueAsync());

        // Saving now is refused as a conflict that shows their email beside the typist's own, and keeps the typed title.
        await typist.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(typist.Locator("[data-conflict-field=Email] [data-theirs]")).ToHaveTextAsync("elaine.beadle@example.org");
        Assert.Equal("Half-typed by the first administrator", await typist.GetByLabel("Role title").InputValueAsync());
        await typist.AssertNoAxeViolationsAsync();
        await typist.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task Presence_TwoPeopleOnOnePage_EachSeesTheOther()
    {
        var chair = await browser.SignedInPageAsync("chair");
        await chair.OpenAsync("/people");
        await Assertions.Expect(chair.Locator("[data-presence=people]")).ToHaveTextAsync("No one else is viewing");
        var lead = await browser.SignedInPageAsync("lead");
        await lead.OpenAsync("/people");
        await Assertions.Expect(chair.Locator("[data-presence=people]")).ToHaveTextAsync("Peter Sibley is also viewing", new() { Timeout = 2000 });
        await Assertions.Expect(lead.Locator("[data-presence=people]")).ToHaveTextAsync("Councillor Kate Lymer is also viewing");
        await lead.Context.CloseAsync();
        await chair.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_TwoViewers_ShowsViewerCount()
    {
        var one = await browser.SignedInPageAsync("chair");
        await one.GotoAsync("/");
        await WaitForLiveAsync(one);
        var two = await browser.SignedInPageAsync("lead");
        await two.GotoAsync("/");
        await Assertions.Expect(one.Locator("[data-live-viewers=dashboard]")).ToHaveTextAsync("2 people viewing", new() { Timeout = 2000 });
        await two.Context.CloseAsync();
        await Assertions.Expect(one.Locator("[data-live-viewers=dashboard]")).ToHaveTextAsync("1 person viewing (you)", new() { Timeout = 5000 });
        await one.Context.CloseAsync();
    }
}
