using Microsoft.AspNetCore.Identity;
using Tracker.Domain.People;

namespace Tracker.App.Features.Accounts;

/// <summary>A sign-in account, linked to the person it belongs to.</summary>
public sealed class TrackerUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>Disabled accounts cannot sign in; they are kept so the audit trail still names them.</summary>
    public bool IsDisabled { get; set; }
}
