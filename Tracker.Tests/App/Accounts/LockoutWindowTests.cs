using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Accounts;

/// <summary>
/// Lockout counts failures within a window (10 minutes), not for ever: one machine, held by the
/// throttle to 4 attempts an account in 15 minutes, can never reach 5 failures in a window.
/// </summary>
public sealed class LockoutWindowTests
{
    [Fact]
    public async Task SignIn_FourFailuresTwiceElevenMinutesApart_AccountNotLocked()
    {
        await using var app = new ClockAppFactory();
        var client = app.CreatePlainClient();
        async Task FailAsync(int times)
        {
            for (var i = 0; i < times; i++)
                Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/login", "login",
                    new() { ["Input.Email"] = "chair@example.org", ["Input.Password"] = "wrong-password" })).StatusCode);
        }
        Task<DateTimeOffset?> LockoutEndAsync() =>
            app.WithDbAsync(db => db.Users.Where(u => u.Email == "chair@example.org").Select(u => u.LockoutEnd).SingleAsync());

        await FailAsync(4);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await FailAsync(4);
        Assert.Null(await LockoutEndAsync());

        // The fifth failure within the window still locks the account.
        await FailAsync(1);
        Assert.NotNull(await LockoutEndAsync());
    }
}
