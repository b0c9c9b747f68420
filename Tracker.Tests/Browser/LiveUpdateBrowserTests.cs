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
        await editor.WaitForPathAsync("/people");

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
        await other.WaitForPathAsync("/people");

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
    public async Task Dashboard_TwoPeople_PresenceShowsEachOther()
    {
        // Other tests' closed tabs may still be counted for a moment: assert on these two people only.
        var chair = await browser.SignedInPageAsync("chair");
        await chair.OpenAsync("/");
        var presence = chair.Locator("[data-presence=dashboard]");
        await Assertions.Expect(presence).Not.ToContainTextAsync("Peter Sibley", new() { Timeout = 10000 });
        var lead = await browser.SignedInPageAsync("lead");
        await lead.OpenAsync("/");
        await Assertions.Expect(presence).ToContainTextAsync("Peter Sibley", new() { Timeout = 2000 });
        await Assertions.Expect(lead.Locator("[data-presence=dashboard]")).ToContainTextAsync("Councillor Kate Lymer");
        await lead.Context.CloseAsync();
        // A closed tab's circuit lingers until the server notices; then the person leaves the list.
        await Assertions.Expect(presence).Not.ToContainTextAsync("Peter Sibley", new() { Timeout = 10000 });
        await chair.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_PersonAddedElsewhere_PartnershipPanelUpdatesWithoutReload()
    {
        var viewer = await browser.SignedInPageAsync("member");
        await viewer.OpenAsync("/");
        var marker = await viewer.EvaluateAsync<string>("() => (window.__notReloaded = 'yes')");
        var people = await browser.App.WithDbAsync(db => db.People.CountAsync());
        await Assertions.Expect(viewer.Locator("[data-partnership-panel]")).ToContainTextAsync($"{people} people");

        var admin = await browser.SignedInPageAsync("admin");
        await admin.OpenAsync("/people/new");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Dashboard Watcher");
        await admin.GetByLabel("Initials").FillAsync("DW");
        await admin.GetByLabel("Role title").FillAsync("Observer");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await admin.WaitForPathAsync("/people");

        await Assertions.Expect(viewer.Locator("[data-partnership-panel]")).ToContainTextAsync($"{people + 1} people", new() { Timeout = 2000 });
        Assert.Equal(marker, await viewer.EvaluateAsync<string>("() => window.__notReloaded"));
        await viewer.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
