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
        await viewer.GotoAsync("/people");
        await WaitForLiveAsync(viewer);
        var marker = await viewer.EvaluateAsync<string>("() => (window.__notReloaded = 'yes')");

        var editor = await browser.SignedInPageAsync("admin");
        await editor.GotoAsync($"/people/{id}/edit");
        await editor.GetByLabel("Role title").FillAsync("Head of Resilience");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await editor.WaitForURLAsync("**/people");

        await Assertions.Expect(viewer.Locator("[data-live=people]")).ToContainTextAsync("Head of Resilience", new() { Timeout = 2000 });
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
        await typist.GotoAsync($"/people/{id}/edit");
        await WaitForLiveAsync(typist);
        await typist.GetByLabel("Role title").FillAsync("Half-typed by the first administrator");

        var other = await browser.SignedInPageAsync("admin");
        await other.GotoAsync($"/people/{id}/edit");
        await other.GetByLabel("Email address (optional)").FillAsync("elaine.beadle@example.org");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await other.WaitForURLAsync("**/people");

        await Assertions.Expect(typist.Locator("[data-live-notice]")).ToContainTextAsync("Person EB was changed by Amanda Mumford", new() { Timeout = 2000 });
        Assert.Equal("Half-typed by the first administrator", await typist.GetByLabel("Role title").InputValueAsync());

        // Saving now is refused as a conflict that shows their email and keeps the typed title.
        await typist.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(typist.Locator("[data-conflict-field=Email]")).ToHaveTextAsync("elaine.beadle@example.org");
        Assert.Equal("Half-typed by the first administrator", await typist.GetByLabel("Role title").InputValueAsync());
        await typist.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task Hub_ViewersOfOneRecord_DoNotReceiveAnothersEvents()
    {
        var first = await IdOfAsync("LS");
        var second = await IdOfAsync("JS");
        var watcher = await browser.SignedInPageAsync("member");
        // A member may not open the edit page; join one record's group directly through the hub instead.
        await watcher.GotoAsync("/");
        await watcher.AddScriptTagAsync(new() { Url = "/lib/signalr/signalr.min.js" });
        await watcher.EvaluateAsync($$"""
            async () => {
              window.received = [];
              const c = new signalR.HubConnectionBuilder().withUrl("/hubs/tracker").build();
              c.on("changed", e => window.received.push(e.area + ":" + e.key));
              await c.start();
              await c.invoke("Join", "people:{{first}}");
            }
            """);

        var editor = await browser.SignedInPageAsync("admin");
        foreach (var id in new[] { second, first })
        {
            await editor.GotoAsync($"/people/{id}/edit");
            await editor.GetByLabel("Role title").FillAsync($"Updated {id}");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await editor.WaitForURLAsync("**/people");
        }

        await watcher.WaitForFunctionAsync("() => window.received.length > 0", null, new() { Timeout = 2000 });
        await Task.Delay(300);
        Assert.Equal([$"people:{first}"], await watcher.EvaluateAsync<string[]>("() => window.received"));
        await watcher.Context.CloseAsync();
        await editor.Context.CloseAsync();
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
