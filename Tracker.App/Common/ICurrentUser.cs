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

/// <summary>The signed-in user of the current HTTP request, or "System" outside a request (start-up, seeding).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } p ? p : null;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName =>
        Principal?.FindFirstValue(TrackerClaims.DisplayName) ?? Principal?.Identity?.Name ?? "System";

    public int? PersonId => int.TryParse(Principal?.FindFirstValue(TrackerClaims.PersonId), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}
