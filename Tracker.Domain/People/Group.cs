using Tracker.Domain.Common;

namespace Tracker.Domain.People;

public enum GroupKind
{
    StrategicGroup,
    SubGroup,
}

/// <summary>The Strategic Group or one of its sub-groups, with its leads and members.</summary>
public sealed class Group : Entity
{
    public required string Name { get; set; }
    /// <summary>Short name used in tables, e.g. "ASB and Envirocrime".</summary>
    public required string ShortName { get; set; }
    public GroupKind Kind { get; set; }
    public int? ParentGroupId { get; set; }
    public Group? ParentGroup { get; set; }

    readonly List<GroupMember> _members = [];
    public IReadOnlyList<GroupMember> Members => _members;

    public IEnumerable<int> LeadPersonIds => _members.Where(m => m.IsLead).Select(m => m.PersonId);

    public void AddMember(Person person, bool isLead)
    {
        var existing = _members.FirstOrDefault(m => m.PersonId == person.Id && person.Id != 0)
                       ?? _members.FirstOrDefault(m => ReferenceEquals(m.Person, person));
        if (existing is not null)
        {
            existing.IsLead = isLead;
            return;
        }
        _members.Add(new GroupMember { Group = this, Person = person, PersonId = person.Id, IsLead = isLead });
    }
}

public sealed class GroupMember
{
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public bool IsLead { get; set; }
}
