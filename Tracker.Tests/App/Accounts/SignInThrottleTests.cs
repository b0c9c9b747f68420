using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Accounts;

public sealed class SignInThrottleTests
{
    static Dictionary<string, string> Form(string email, string password = "not-the-password") =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task SignIn_MoreAttemptsThanAddressLimit_TooManyRequestsPageWithRetryAfter()
    {
        await using var app = new ThrottledAppFactory(new() { ["SignIn:AddressPermitLimit"] = "3", ["SignIn:AddressWindow"] = "00:05:00" });
        var client = app.CreateClientFrom("203.0.113.7");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/login", "login", Form($"spray-{i}@example.org"))).StatusCode);

        var refused = await client.PostFormAsync("/account/login", "login", Form("spray-4@example.org"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var page = await refused.ParseAsync();
        Assert.Equal("Too many sign-in attempts", page.QuerySelector("h1")!.TextContent);
        Assert.Contains($"Try again in {Math.Ceiling(retryAfter.TotalMinutes):0} minute", page.Body!.TextContent);
        // Reading the sign-in page is not throttled, and another machine is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClientFrom("203.0.113.8")
            .PostFormAsync("/account/login", "login", Form("member@example.org", TrackerAppFactory.DemoPassword))).StatusCode);
    }

    /// <summary>With the limits in appsettings, one machine is stopped before it can lock an account.</summary>
    [Fact]
    public async Task SignIn_WrongPasswordsFromOneAddress_ThrottledBeforeAccountLocks()
    {
        await using var app = new ThrottledAppFactory();
        var stranger = app.CreateClientFrom("198.51.100.20");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await stranger.PostFormAsync("/account/login", "login", Form("admin@example.org", "guess-" + i))).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@example.org").Select(u => u.LockoutEnd).SingleAsync()));
        // The administrator, on another machine, still signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClientFrom("192.0.2.10")
            .PostFormAsync("/account/login", "login", Form("admin@example.org", TrackerAppFactory.DemoPassword))).StatusCode);
    }
}
