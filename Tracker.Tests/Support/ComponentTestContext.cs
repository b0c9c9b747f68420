using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Tracker.App.Common;
using Tracker.App.Features.Accounts;
using Tracker.App.Live;

namespace Tracker.Tests.Support;

/// <summary>
/// bUnit with MudBlazor and the real app's services over its SQLite file: components render with
/// real data, save through the real services and hear the real change feed. The services come from
/// one DI scope of the app, standing in for a circuit; <see cref="SignInAsAsync"/> gives that
/// circuit its user, as <see cref="CircuitUserHandler"/> does in the app.
/// MudBlazor needs asynchronous disposal, hence <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    readonly AsyncServiceScope _circuit;
    readonly BunitAuthorizationContext _authorization;

    protected ComponentTestContext(TrackerAppFactory app)
    {
        App = app;
        _circuit = app.Services.CreateAsyncScope();
        // Waits allow for a busy 2-core machine running the whole suite; a passing wait returns at once.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        _authorization = AddAuthorization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // As in a circuit: components follow live changes only when interactive.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Services.AddFallbackServiceProvider(_circuit.ServiceProvider);
    }

    protected TrackerAppFactory App { get; }

    /// <summary>The app's change feed, to publish or follow changes in a test.</summary>
    protected ChangeFeed Feed => App.Services.GetRequiredService<ChangeFeed>();

    /// <summary>Services of the stand-in circuit (the signed-in user's).</summary>
    protected T Circuit<T>() where T : notnull => _circuit.ServiceProvider.GetRequiredService<T>();

    /// <summary>Signs the stand-in circuit in as a demo account ("admin", "chair", "lead", "member").</summary>
    protected async Task<ClaimsPrincipal> SignInAsAsync(string account)
    {
        var principal = await PrincipalAsync(App, account);
        Circuit<CurrentUser>().UseCircuitUser(principal);
        _authorization.SetAuthorized(principal.Identity!.Name!);
        _authorization.SetRoles([.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        return principal;
    }

    /// <summary>The claims a demo account signs in with, made by the app's own claims factory.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(TrackerAppFactory app, string account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>();
        var user = await users.FindByEmailAsync(account.Contains('@') ? account : $"{account}@example.org")
                   ?? throw new InvalidOperationException($"No account {account}");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<TrackerUser>>().CreateAsync(user);
    }

    /// <summary>A service as another signed-in person would use it: their own scope and user.</summary>
    protected async Task<(AsyncServiceScope Scope, T Service)> AsAsync<T>(string account) where T : notnull
    {
        var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await PrincipalAsync(App, account));
        return (scope, scope.ServiceProvider.GetRequiredService<T>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _circuit.DisposeAsync();
    }
}
