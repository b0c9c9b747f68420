using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;
using Tracker.App.Features.Accounts;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

public static class InteractivityServices
{
    /// <summary>
    /// Interactive Blazor Server with MudBlazor, and what each circuit needs: its user from the
    /// authentication state (revalidated every minute), the live updates it follows, presence.
    /// </summary>
    public static void AddTrackerInteractivity(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            // A closed tab's circuit is kept briefly for a quick reconnect (a projector PC waking up),
            // then freed; while disconnected it holds memory but its page no longer matters.
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(
                builder.Configuration.GetValue("Circuits:DisconnectedRetentionMinutes", 3.0));
            options.DisconnectedCircuitMaxRetained = builder.Configuration.GetValue("Circuits:DisconnectedMaxRetained", 100);
        });
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        builder.Services.AddScoped<CircuitEvents>();
        builder.Services.AddScoped<CircuitHandler, CircuitUserHandler>();
        builder.Services.AddScoped<LiveAnnouncer>();
        builder.Services.AddScoped<LiveUpdates>();
        builder.Services.AddSingleton<Presence>();
    }
}
