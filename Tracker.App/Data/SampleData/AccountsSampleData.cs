using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Accounts;
using Tracker.Domain.People;

namespace Tracker.App.Data.SampleData;

/// <summary>The four demo accounts, each linked to a person from the papers. Development only.</summary>
public sealed class AccountsSampleData(UserManager<TrackerUser> users, IConfiguration configuration) : ISampleData
{
    public int Order => 20;

    static readonly (string Email, string Role, string Initials)[] Accounts =
    [
        ("admin@example.org", TrackerRoles.Administrator, "AM"),
        ("chair@example.org", TrackerRoles.Chair, "KL"),
        ("lead@example.org", TrackerRoles.Lead, "PS"),
        ("member@example.org", TrackerRoles.Member, "SB"),
    ];

    public async Task SeedAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var password = configuration["Demo:Password"];
        if (string.IsNullOrWhiteSpace(password)) return;
        foreach (var (email, role, initials) in Accounts)
        {
            var person = await db.People.SingleAsync(p => p.Initials == initials, cancellationToken);
            var user = new TrackerUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = person.Name, PersonId = person.Id,
            };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
