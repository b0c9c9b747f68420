using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.People;

namespace Tracker.App.Features.Accounts;

public sealed record UserRow(string Id, string Email, string DisplayName, string? Role, string? PersonName, bool IsDisabled, bool IsLockedOut);

public sealed class UserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? PersonId { get; set; }
    public string? Password { get; set; }
    public bool IsDisabled { get; set; }
    /// <summary>Locked out after failed sign-ins (shown, not posted).</summary>
    public bool IsLockedOut { get; set; }
    /// <summary>Identity's concurrency stamp as loaded, so a stale save is refused.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public static readonly UserFormValidator ForNew = new(isNew: true), ForExisting = new(isNew: false);

    public UserFormValidator(bool isNew)
    {
        RuleFor(u => u.Email).NotEmpty().WithMessage("Enter the email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
        RuleFor(u => u.DisplayName).NotEmpty().WithMessage("Enter the name to show for this user")
            .MaximumLength(100).WithMessage("Name must be 100 characters or fewer");
        RuleFor(u => u.Role).NotEmpty().WithMessage("Select a role")
            .Must(r => r is null || TrackerRoles.All.Contains(r)).WithMessage("Select a role");
        if (isNew)
            RuleFor(u => u.Password).NotEmpty().WithMessage("Enter a password")
                .MinimumLength(12).WithMessage("Password must be 12 characters or more");
        else
            RuleFor(u => u.Password).MinimumLength(12).WithMessage("Password must be 12 characters or more")
                .When(u => !string.IsNullOrEmpty(u.Password));
    }
}

/// <summary>
/// Administrators create and disable users, set their role and linked person.
/// The list reads through its own short-lived context from the factory, like every other query. The
/// writes go through Identity's <see cref="UserManager{TUser}"/> (password hashing and rules,
/// normalised names, security stamps), whose store is bound to the scope's <see cref="TrackerDbContext"/>
/// and cannot be given a context per call. In a circuit that scope lives as long as the tab, so each
/// UserManager operation first forgets what the context tracked: it reads the user afresh (another
/// administrator's save is seen, and a stale form is refused by its concurrency stamp) and nothing is
/// held between events. The page runs one operation at a time (its buttons are disabled while busy).
/// </summary>
public sealed class UserAdminService(UserManager<TrackerUser> users, TrackerDbContext identityDb, IDbContextFactory<TrackerDbContext> dbs,
    ICurrentUser currentUser, RecentSignInFailures recentFailures)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var roleByUser = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                select new { ur.UserId, r.Name }).ToListAsync(ct);
        var list = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, Person = u.Person!.Name, u.IsDisabled, u.LockoutEnd })
            .ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return list.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName,
            roleByUser.FirstOrDefault(r => r.UserId == u.Id)?.Name, u.Person, u.IsDisabled, u.LockoutEnd > now)).ToList();
    }

    public async Task<UserForm?> GetAsync(string id)
    {
        identityDb.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        return new UserForm
        {
            Email = user.Email, DisplayName = user.DisplayName, Role = roles.FirstOrDefault(),
            PersonId = user.PersonId?.ToString(), IsDisabled = user.IsDisabled, ConcurrencyStamp = user.ConcurrencyStamp,
            IsLockedOut = await users.IsLockedOutAsync(user),
        };
    }

    /// <summary>
    /// Ends a lockout after failed sign-ins (and forgets the failures), so the user can sign in at once
    /// rather than after the lockout's 15 minutes.
    /// </summary>
    public async Task<SaveResult> UnlockAsync(string id)
    {
        if (!currentUser.IsAdministrator()) return SaveResult.Forbidden("Only administrators can unlock users");
        identityDb.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null) return SaveResult.Missing();
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        recentFailures.Forget(user.Id);
        return result.Succeeded ? SaveResult.Saved(0, 0) : SaveResult.Invalid(IdentityErrors(result));
    }

    public async Task<SaveResult> CreateAsync(UserForm form)
    {
        if (!currentUser.IsAdministrator()) return SaveResult.Forbidden("Only administrators can add users");
        var errors = UserFormValidator.ForNew.Check(form);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        identityDb.ChangeTracker.Clear();
        var user = new TrackerUser
        {
            UserName = form.Email!.Trim(), Email = form.Email.Trim(), EmailConfirmed = true,
            DisplayName = form.DisplayName!.Trim(), PersonId = ParsePerson(form.PersonId),
        };
        var result = await users.CreateAsync(user, form.Password!);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, form.Role!);
        return result.Succeeded ? SaveResult.Saved(0, 1) : SaveResult.Invalid(IdentityErrors(result));
    }

    public async Task<SaveResult> UpdateAsync(string id, UserForm form)
    {
        if (!currentUser.IsAdministrator()) return SaveResult.Forbidden("Only administrators can change users");
        var errors = UserFormValidator.ForExisting.Check(form);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        identityDb.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null) return SaveResult.Missing();
        if (user.ConcurrencyStamp != form.ConcurrencyStamp)
            return SaveResult.Stale(new Conflict("Another administrator", DateTimeOffset.UtcNow, 0,
                [new("DisplayName", "Name", user.DisplayName), new("Email", "Email", user.Email)]));
        if (id == currentUser.UserId && (form.IsDisabled || form.Role != TrackerRoles.Administrator))
            return SaveResult.Invalid(nameof(UserForm.Role), "You cannot remove your own administrator role or disable your own account");

        var disabling = form.IsDisabled && !user.IsDisabled;
        user.Email = user.UserName = form.Email!.Trim();
        user.DisplayName = form.DisplayName!.Trim();
        user.PersonId = ParsePerson(form.PersonId);
        user.IsDisabled = form.IsDisabled;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return SaveResult.Invalid(IdentityErrors(result));

        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([form.Role!]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, form.Role!);
        }
        if (!string.IsNullOrEmpty(form.Password))
        {
            await users.RemovePasswordAsync(user);
            result = await users.AddPasswordAsync(user, form.Password);
            if (!result.Succeeded) return SaveResult.Invalid(IdentityErrors(result));
        }
        // A new security stamp ends the user's existing sessions at their next request check.
        if (disabling) await users.UpdateSecurityStampAsync(user);
        return SaveResult.Saved(0, 0);
    }

    static int? ParsePerson(string? value) => int.TryParse(value, out var id) ? id : null;

    static IReadOnlyList<FieldError> IdentityErrors(IdentityResult result) =>
        result.Errors.Select(e => new FieldError(
            e.Code.Contains("Email") || e.Code.Contains("UserName") ? nameof(UserForm.Email)
            : e.Code.Contains("Password") ? nameof(UserForm.Password) : "",
            e.Code is "DuplicateUserName" or "DuplicateEmail" ? "A user with this email address already exists" : e.Description)).ToList();
}
