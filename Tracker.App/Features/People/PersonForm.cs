using Tracker.Domain.People;

namespace Tracker.App.Features.People;

/// <summary>The person form's fields; the version ties the save to what the user loaded.</summary>
public sealed class PersonForm
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Initials { get; set; }
    public string? RoleTitle { get; set; }
    public int? PartnerId { get; set; }
    public string? Email { get; set; }

    public PersonInput ToInput() => new(Name ?? "", Initials ?? "", RoleTitle, PartnerId, Email);

    public static PersonForm From(PersonForEdit person) => new()
    {
        Version = person.Version,
        Name = person.Input.Name,
        Initials = person.Input.Initials,
        RoleTitle = person.Input.RoleTitle,
        PartnerId = person.Input.PartnerId,
        Email = person.Input.Email,
    };
}
