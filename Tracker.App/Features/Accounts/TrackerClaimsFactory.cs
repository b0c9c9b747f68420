using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tracker.App.Common;

namespace Tracker.App.Features.Accounts;

/// <summary>Puts the display name and linked person into the sign-in cookie, so no request has to look them up.</summary>
public sealed class TrackerClaimsFactory(
    UserManager<TrackerUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrackerUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrackerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TrackerClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.PersonId is { } personId) identity.AddClaim(new Claim(TrackerClaims.PersonId, personId.ToString()));
        return identity;
    }
}
