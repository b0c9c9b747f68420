using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tracker.App.Features.Accounts;

/// <summary>
/// Refuses sign-in to disabled accounts, whatever their password. Every password sign-in checks
/// exactly one password hash, so an unknown email, a locked or disabled account and a wrong password
/// all take about the same time: the answer's timing does not say which emails have accounts.
/// Lockout (5 failures, 15 minutes, from <see cref="IdentityOptions"/>) counts only failures within
/// <see cref="SignInThrottleOptions.FailureWindow"/> (see <see cref="RecentSignInFailures"/>).
/// </summary>
public sealed class TrackerSignInManager(
    UserManager<TrackerUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TrackerUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TrackerUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TrackerUser> confirmation,
    RecentSignInFailures recentFailures,
    TimeProvider clock)
    : SignInManager<TrackerUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash of a random password made by the same hasher (so the same algorithm and work) as real ones.</summary>
    static string? s_dummyHash;

    public override async Task<bool> CanSignInAsync(TrackerUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null) return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        VerifyAgainstDummyHash(password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(TrackerUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked or disabled account before checking its password, which answers faster.
        if (await PreSignInCheck(user) is { } refused)
        {
            VerifyAgainstDummyHash(password);
            return refused;
        }
        // Identity's own failure count never expires, so it is not used; a failure writes nothing to the
        // database either (unless it locks the account), as for an unknown email.
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded) recentFailures.Forget(user.Id);
        else if (lockoutOnFailure && result is { Succeeded: false, IsLockedOut: false, IsNotAllowed: false, RequiresTwoFactor: false }
                 && UserManager.SupportsUserLockout
                 && await UserManager.GetLockoutEnabledAsync(user)
                 && recentFailures.Record(user.Id) >= Options.Lockout.MaxFailedAccessAttempts)
        {
            recentFailures.Forget(user.Id);
            await UserManager.SetLockoutEndDateAsync(user, clock.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan);
            Logger.LogWarning("User {UserId} locked out after {Count} failed sign-ins", user.Id, Options.Lockout.MaxFailedAccessAttempts);
            return SignInResult.LockedOut;
        }
        return result;
    }

    void VerifyAgainstDummyHash(string password)
    {
        var dummy = new TrackerUser();
        s_dummyHash ??= UserManager.PasswordHasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        UserManager.PasswordHasher.VerifyHashedPassword(dummy, s_dummyHash, password);
    }
}
