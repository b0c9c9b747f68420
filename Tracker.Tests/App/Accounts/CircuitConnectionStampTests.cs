using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Accounts;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Accounts;

/// <summary>The app with the security stamp checked on every request (not once a minute), to see the check happen.</summary>
public sealed class StampCheckedEveryRequestAppFactory : TrackerAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }
}

/// <summary>
/// The circuit's connection checks the security stamp in a scope of its own (so the sign-in services are not kept
/// for the tab's lifetime): the check still refuses a changed stamp.
/// </summary>
public sealed class CircuitConnectionStampTests(StampCheckedEveryRequestAppFactory app) : IClassFixture<StampCheckedEveryRequestAppFactory>
{
    [Fact]
    public async Task CircuitConnection_StampChangedSinceSignIn_Refused()
    {
        var client = await app.SignInAsync("member");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("member@example.org"))!);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
    }
}
