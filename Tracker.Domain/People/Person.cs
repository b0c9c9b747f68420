using Tracker.Domain.Common;

namespace Tracker.Domain.People;

/// <summary>Someone named in the papers: an attendee, an action owner, a lead. Initials are unique.</summary>
public sealed class Person : Entity
{
    public required string Name { get; set; }
    public required string Initials { get; set; }
    public string RoleTitle { get; set; } = "";
    public int? PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;

    public void Update(PersonInput input)
    {
        Name = input.Name.Trim();
        Initials = input.Initials.Trim().ToUpperInvariant();
        RoleTitle = input.RoleTitle?.Trim() ?? "";
        PartnerId = input.PartnerId;
        Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
    }
}
