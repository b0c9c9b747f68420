using System.Security.Claims;
using Tracker.Domain.People;

namespace Tracker.App.Common;

/// <summary>Who is making the request: used for audit stamps, change events and permission checks.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    /// <summary>The name shown in the audit trail and in "changed by" notices.</summary>
    string DisplayName { get; }
    int? PersonId { get; }
    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static bool IsAdministrator(this ICurrentUser user) => user.IsInRole(TrackerRoles.Administrator);
    public static bool IsChair(this ICurrentUser user) => user.IsInRole(TrackerRoles.Chair);
    /// <summary>Administrators and the chair may edit everything; leads only what they own.</summary>
    public static bool CanEditEverything(this ICurrentUser user) => user.IsAdministrator() || user.IsChair();
}

public static class TrackerClaims
{
    public const string DisplayName = "tracker:display_name";
    public const string PersonId = "tracker:person_id";
}

/// <summary>
/// The signed-in user: inside a circuit, the circuit's authentication state (set by
/// <see cref="Live.CircuitUserHandler"/> when the circuit opens and whenever revalidation changes it);
/// in an HTTP request (prerendering, static pages, files), the request's user; otherwise "System"
/// (start-up, seeding).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    ClaimsPrincipal? _circuitUser;

    /// <summary>Called for circuits only: from then on the HTTP context (the circuit's connection) is not consulted.</summary>
    public void UseCircuitUser(ClaimsPrincipal user) => _circuitUser = user;

    ClaimsPrincipal? Principal =>
        (_circuitUser ?? accessor.HttpContext?.User) is { Identity.IsAuthenticated: true } p ? p : null;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName =>
        Principal?.FindFirstValue(TrackerClaims.DisplayName) ?? Principal?.Identity?.Name ?? "System";

    public int? PersonId => int.TryParse(Principal?.FindFirstValue(TrackerClaims.PersonId), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}
