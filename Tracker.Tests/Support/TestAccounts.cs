using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Accounts;

namespace Tracker.Tests.Support;

/// <summary>Accounts made for a test, through the administrators' own service (the users page is interactive now).</summary>
public static class TestAccounts
{
    public static async Task CreateUserAsync(this TrackerAppFactory app, string email, string password, string role = "Member", string? name = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, "admin"));
        var result = await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(new UserForm
        {
            DisplayName = name ?? "Test " + email, Email = email, Role = role, Password = password,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
