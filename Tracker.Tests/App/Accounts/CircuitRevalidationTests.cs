using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracker.App.Features.Accounts;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Accounts;

/// <summary>An open circuit's sign-in is checked again every minute: a disabled account's pages end.</summary>
public sealed class CircuitRevalidationTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    async Task<bool> StillValidAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await RevalidatingAuthenticationState.IsStillValidAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>(), principal,
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value);
    }

    [Fact]
    public async Task Revalidate_AccountUnchanged_StillSignedIn()
    {
        var principal = await ComponentTestContext.PrincipalAsync(app, "chair");
        Assert.True(await StillValidAsync(principal));
    }

    [Fact]
    public async Task Revalidate_AccountDisabledSinceSignIn_SignedOut()
    {
        var principal = await ComponentTestContext.PrincipalAsync(app, "member");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>();
            var member = (await users.FindByEmailAsync("member@example.org"))!;
            member.IsDisabled = true;
            await users.UpdateAsync(member);
            await users.UpdateSecurityStampAsync(member);
        }
        Assert.False(await StillValidAsync(principal));
    }
}
