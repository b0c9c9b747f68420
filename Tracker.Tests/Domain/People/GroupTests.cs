using Tracker.Domain.People;

namespace Tracker.Tests.Domain.People;

public sealed class GroupTests
{
    [Fact]
    public void AddMember_SamePersonTwice_OneMembershipWithLatestLeadFlag()
    {
        var group = new Group { Name = "ASB and Envirocrime Sub-Group", ShortName = "ASB and Envirocrime" };
        var peter = new Person { Name = "Peter Sibley", Initials = "PS" };
        group.AddMember(peter, isLead: false);
        group.AddMember(peter, isLead: true);
        var member = Assert.Single(group.Members);
        Assert.True(member.IsLead);
    }
}
