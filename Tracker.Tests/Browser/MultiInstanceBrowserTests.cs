using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tracker.App.Live;
using Tracker.Tests.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>Two app instances served by Kestrel on one PostgreSQL database, each browser kept on one of them.</summary>
public sealed class TwoServedInstancesFixture : IAsyncLifetime
{
    public string Database { get; private set; } = "";
    public PostgreSqlAppFactory A { get; private set; } = null!;
    public PostgreSqlAppFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!PostgreSqlTestServer.Configured) return;
        Database = await PostgreSqlTestServer.CreateSeededDatabaseAsync();
        A = new PostgreSqlAppFactory(Database);
        B = new PostgreSqlAppFactory(Database);
        foreach (var app in new[] { A, B })
        {
            app.UseKestrel(0);
            app.StartServer();
            await TwoInstancesFixture.WaitUntilListeningAsync(app);
        }
    }

    public static string BaseUrl(TrackerAppFactory app) => app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public async Task DisposeAsync()
    {
        if (!PostgreSqlTestServer.Configured) return;
        await A.DisposeAsync();
        await B.DisposeAsync();
        await PostgreSqlTestServer.DropDatabaseAsync(Database);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class MultiInstanceBrowserTests(BrowserFixture browser, TwoServedInstancesFixture instances)
    : IClassFixture<TwoServedInstancesFixture>, IPostgreSqlTests
{
    async Task<IPage> SignedInPageAsync(TrackerAppFactory app, string account)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = TwoServedInstancesFixture.BaseUrl(app), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, account);
        return page;
    }

    [ProviderFact]
    public async Task PeopleTable_SaveOnInstanceA_MemberOnInstanceBSeesItWithin2sAndPresenceSpansBoth()
    {
        var id = await instances.A.WithDbAsync(db => db.People.Where(p => p.Initials == "DT").Select(p => p.Id).SingleAsync());
        var member = await SignedInPageAsync(instances.B, "member");
        await member.OpenAsync("/people");
        var marker = await member.EvaluateAsync<string>("() => (window.__notReloaded = 'yes')");

        var chair = await SignedInPageAsync(instances.A, "chair");
        await chair.OpenAsync("/people");
        // Presence counts viewers on both instances.
        await Assertions.Expect(chair.Locator("[data-presence=people]")).ToContainTextAsync("is also viewing", new() { Timeout = 2000 });
        await Assertions.Expect(member.Locator("[data-presence=people]")).ToHaveTextAsync("Councillor Kate Lymer is also viewing", new() { Timeout = 2000 });

        // People's details are the administrator's to change: the administrator saves on instance A too.
        var admin = await SignedInPageAsync(instances.A, "admin");
        await admin.OpenAsync($"/people/{id}/edit");
        await admin.GetByLabel("Role title").FillAsync("Head of Cross-Instance Resilience");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await admin.WaitForPathAsync("/people");

        var savedAt = DateTime.UtcNow;
        try
        {
            await Assertions.Expect(member.Locator("[data-people-table]")).ToContainTextAsync("Head of Cross-Instance Resilience", new() { Timeout = 2000 });
        }
        catch (PlaywrightException e)
        {
            // Say where the change stopped: not relayed to B, relayed but not shown, or only late.
            var late = await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () =>
                (await member.Locator("[data-people-table]").TextContentAsync() ?? "").Contains("Head of Cross-Instance Resilience"));
            var relay = instances.B.Services.GetRequiredService<IChangeRelay>() as PostgreSqlChangeRelay;
            throw new Xunit.Sdk.XunitException(
                $"Instance B did not show the change within 2 s. B's relay listening: {relay?.Listening}, reconnects: {relay?.Reconnects}, " +
                $"B's people version: {instances.B.Services.GetRequiredService<ChangeFeed>().VersionOf("people")}, " +
                $"A's: {instances.A.Services.GetRequiredService<ChangeFeed>().VersionOf("people")}; " +
                $"B's followers of people: {instances.B.Services.GetRequiredService<ChangeFeed>().SubscriberCount("people")}; " +
                $"the member's presence line: '{await member.Locator("[data-presence=people]").TextContentAsync()}', " +
                $"the connection's state (blazor.web.js's classes): '{await member.Locator("#components-reconnect-modal").GetAttributeAsync("class")}'; " +
                (late ? $"it was shown {(DateTime.UtcNow - savedAt).TotalSeconds:0.0} s after the save." : "not shown after 15 s either.") +
                $"\nB's warnings:\n{string.Join("\n", instances.B.Warnings.Entries)}\nA's warnings:\n{string.Join("\n", instances.A.Warnings.Entries)}\n" + e.Message);
        }
        await Assertions.Expect(chair.Locator("[data-people-table]")).ToContainTextAsync("Head of Cross-Instance Resilience", new() { Timeout = 2000 });
        await Assertions.Expect(member.Locator("[data-live-announcer]")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^Person DT updated by Amanda Mumford at \\d\\d:\\d\\d$"), new() { Timeout = 2000 });
        Assert.Equal(marker, await member.EvaluateAsync<string>("() => window.__notReloaded"));
        foreach (var page in new[] { member, chair, admin }) await page.Context.CloseAsync();
    }

    /// <summary>
    /// Issue 15: through nginx with the deployment's configuration, each browser's circuit is upgraded to
    /// a WebSocket (101) and every request of that browser (sign-in, page, negotiate, WebSocket) reaches one
    /// instance, while the two browsers are on different instances.
    /// </summary>
    [ProviderFact]
    public async Task Circuit_ThroughNginx_WebSocketUpgradedAndEachBrowserOnOneInstance()
    {
        await using var nginx = await NginxProxy.StartAsync([instances.A.ClientOptions.BaseAddress, instances.B.ClientOptions.BaseAddress]);
        // Two route cookies that nginx sends to different instances (each instance names itself in /health).
        var routes = new Dictionary<string, string>();
        using (var http = new HttpClient())
            for (var i = 0; routes.Count < 2 && i < 50; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, nginx.BaseUrl + "/health");
                request.Headers.Add("Cookie", $"tracker_route=browser{i}");
                var health = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
                routes.TryAdd(System.Text.RegularExpressions.Regex.Match(health, "instance ([0-9a-f]+)").Groups[1].Value, $"browser{i}");
            }
        Assert.Equal(2, routes.Count);

        foreach (var route in routes.Values)
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = nginx.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            await context.AddCookiesAsync([new Cookie { Name = "tracker_route", Value = route, Url = nginx.BaseUrl }]);
            var page = await context.NewPageAsync();
            var sockets = new List<string>();
            page.WebSocket += (_, socket) => sockets.Add(socket.Url);
            await BrowserFixture.SignInAsync(page, "member");
            await page.OpenAsync("/risks");
            Assert.Contains(sockets, url => url.StartsWith(nginx.BaseUrl.Replace("http:", "ws:") + "/_blazor?id="));
            await context.CloseAsync();
        }

        static string Upstream(string line) => line[(line.LastIndexOf("upstream=", StringComparison.Ordinal) + "upstream=".Length)..];
        bool Upgraded(IReadOnlyList<string> lines, string route) =>
            lines.Any(l => l.Contains($" route={route} ") && l.Contains("\"GET /_blazor?id=") && l.Contains("\" 101 "));
        var log = await nginx.AccessLogAsync(lines => routes.Values.All(r => Upgraded(lines, r)));
        var upstreams = routes.Values.Select(route =>
        {
            Assert.True(Upgraded(log, route), $"No WebSocket upgrade (101) of /_blazor for {route} in nginx's log:\n{string.Join("\n", log)}");
            var served = log.Where(l => l.Contains($" route={route} ")).Select(Upstream).Distinct().ToList();
            Assert.True(served.Count == 1, $"{route} was served by {string.Join(" and ", served)}");
            return served[0];
        }).ToList();
        Assert.Equal(2, upstreams.Distinct().Count());
    }
}
