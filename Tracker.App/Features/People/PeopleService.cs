using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.People;

namespace Tracker.App.Features.People;

public sealed record PersonRow(int Id, string Name, string Initials, string RoleTitle, string? PartnerCode, string? Email, bool IsActive);
public sealed record GroupRow(int Id, string Name, GroupKind Kind, IReadOnlyList<string> Leads, int MemberCount);
public sealed record PartnerRow(int Id, string Code, string Name);
public sealed record PersonForEdit(int Id, int Version, PersonInput Input);

/// <summary>Partners, people and groups: read by everyone, changed by administrators.</summary>
public sealed class PeopleService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    static readonly PersonInputValidator _validator = new();

    public async Task<IReadOnlyList<PersonRow>> ListPeopleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PersonRow(p.Id, p.Name, p.Initials, p.RoleTitle, p.Partner!.Code, p.Email, p.IsActive))
            .ToListAsync(ct);
    }

    /// <summary>For the dashboard: counted by the database rather than loading every row.</summary>
    public async Task<(int Partners, int People)> CountAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.Partners.CountAsync(ct), await db.People.CountAsync(ct));
    }

    public async Task<IReadOnlyList<PartnerRow>> ListPartnersAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Partners.AsNoTracking().OrderBy(p => p.Code).Select(p => new PartnerRow(p.Id, p.Code, p.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<GroupRow>> ListGroupsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var groups = await db.Groups.AsNoTracking()
            .OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new
            {
                g.Id, g.Name, g.Kind,
                Leads = g.Members.Where(m => m.IsLead).Select(m => m.Person!.Name).ToList(),
                Count = g.Members.Count,
            })
            .ToListAsync(ct);
        return groups.Select(g => new GroupRow(g.Id, g.Name, g.Kind, g.Leads, g.Count)).ToList();
    }

    public async Task<PersonForEdit?> GetForEditAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonForEdit(p.Id, p.Version, new PersonInput(p.Name, p.Initials, p.RoleTitle, p.PartnerId, p.Email)))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<SaveResult> CreateAsync(PersonInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only administrators can add people");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = await ValidateAsync(db, input, null, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var person = new Person { Name = "", Initials = "" };
        person.Update(input);
        db.People.Add(person);
        return await db.SaveNewAsync(() => SaveResult.Saved(person.Id, person.Version), ct, InitialsUsed(person.Initials));
    }

    static UniqueRule InitialsUsed(string initials) =>
        new("People.Initials", nameof(PersonInput.Initials), $"Initials {initials} are already used by someone else");

    public async Task<SaveResult> UpdateAsync(int id, int loadedVersion, PersonInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only administrators can change people's details");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return SaveResult.Missing();
        var errors = await ValidateAsync(db, input, id, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        return await db.SaveVersionedAsync(person, loadedVersion, () => Values(person), () =>
        {
            person.Update(input);
            return null;
        }, ct, InitialsUsed(input.Initials?.Trim().ToUpperInvariant() ?? ""));
    }

    async Task<IReadOnlyList<FieldError>> ValidateAsync(TrackerDbContext db, PersonInput input, int? id, CancellationToken ct)
    {
        var errors = _validator.Check(input).ToList();
        var initials = input.Initials?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(initials) && await db.People.AnyAsync(p => p.Initials == initials && p.Id != id, ct))
            errors.Add(new FieldError(nameof(PersonInput.Initials), $"Initials {initials} are already used by someone else"));
        return errors;
    }

    static IReadOnlyList<ConflictValue> Values(Person p) =>
    [
        new(nameof(PersonInput.Name), "Name", p.Name),
        new(nameof(PersonInput.Initials), "Initials", p.Initials),
        new(nameof(PersonInput.RoleTitle), "Role title", p.RoleTitle),
        new(nameof(PersonInput.Email), "Email", p.Email),
    ];
}
