using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Tracker.App.Common;

namespace Tracker.App.Live;

/// <summary>What happens to this circuit's connection, for the components that follow live changes.</summary>
public sealed class CircuitEvents
{
    /// <summary>The browser came back after a lost connection: changes may have been missed.</summary>
    public event Action? Reconnected;

    /// <summary>
    /// The browser's connection dropped (a closed tab, a sleeping laptop). The circuit is kept a while
    /// for a quick reconnect, but nobody is looking: presence stops counting it.
    /// </summary>
    public event Action? Disconnected;

    /// <summary>Whether the browser is connected now.</summary>
    public bool IsConnected { get; private set; } = true;

    internal void RaiseReconnected()
    {
        IsConnected = true;
        Reconnected?.Invoke();
    }

    internal void RaiseDisconnected()
    {
        IsConnected = false;
        Disconnected?.Invoke();
    }
}

/// <summary>
/// Gives the circuit its user from the authentication state (not the HTTP context, which a circuit
/// outlives), follows revalidation, and tells components when the connection comes back.
/// </summary>
public sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CurrentUser user, CircuitEvents events)
    : CircuitHandler, IDisposable
{
    bool _connectedBefore;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.UseCircuitUser((await authentication.GetAuthenticationStateAsync()).User);
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
    }

    async void OnAuthenticationChanged(Task<AuthenticationState> state)
    {
        try { user.UseCircuitUser((await state).User); }
        catch (Exception) { user.UseCircuitUser(new()); }
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_connectedBefore) events.RaiseReconnected();
        _connectedBefore = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        events.RaiseDisconnected();
        return Task.CompletedTask;
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
}
