using Tracker.Domain.People;

namespace Tracker.App.Features.People;

/// <summary>What the person form posts; the version ties the save to what the user loaded.</summary>
public sealed class PersonForm
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Initials { get; set; }
    public string? RoleTitle { get; set; }
    public string? PartnerId { get; set; }
    public string? Email { get; set; }

    /// <summary>The input as posted; a partner that is not an id is an error in <paramref name="typed"/>, not "no partner".</summary>
    public PersonInput ToInput(Domain.Common.TypedText typed) =>
        new(Name ?? "", Initials ?? "", RoleTitle, typed.Number(PartnerId, nameof(PartnerId), "Select the person's organisation"), Email);

    public static PersonForm From(PersonForEdit person) => new()
    {
        Version = person.Version,
        Name = person.Input.Name,
        Initials = person.Input.Initials,
        RoleTitle = person.Input.RoleTitle,
        PartnerId = person.Input.PartnerId?.ToString(),
        Email = person.Input.Email,
    };
}
