using Tracker.Domain.Meetings;

namespace Tracker.Tests.Domain.Meetings;

public sealed class ActionOwnersTests
{
    static readonly KnownPerson[] People =
    [
        new(1, "AM", "Amanda Mumford"), new(2, "RV", "Rob Vale"), new(3, "BK", "Bill Kelly"), new(4, "SB", "Sharon Baldwin"),
        new(5, "AR", "Andrew Rogers"), new(6, "CN", "Colin Newman"), new(7, "PJ", "Pratheepan Jeyapragasam"),
        new(8, "CC", "Superintendent Colin Carswell"),
    ];

    [Fact]
    public void Parse_SlashSeparatedInitials_TwoPeople()
    {
        var result = ActionOwners.Parse("AM/RV", People);
        Assert.True(result.Succeeded);
        Assert.Equal([1, 2], result.Owners.Select(o => o.PersonId!.Value));
        Assert.Equal("AM/RV", result.Text);
    }

    [Fact]
    public void Parse_LowerCaseAndSpaces_Normalised()
    {
        Assert.Equal("CN/PJ", ActionOwners.Parse(" cn / pj ", People).Text);
    }

    [Theory]
    [InlineData("SBP", "SBP")]
    [InlineData("All Partners", "All Partners")]
    [InlineData("all partners", "All Partners")]
    [InlineData("Leads", "Leads")]
    public void Parse_Collective_NoPerson(string text, string code)
    {
        var owner = Assert.Single(ActionOwners.Parse(text, People).Owners);
        Assert.True(owner.IsCollective);
        Assert.Equal(code, owner.Code);
    }

    [Fact]
    public void Parse_PersonsName_ResolvesToInitials()
    {
        Assert.Equal("BK", ActionOwners.Parse("Bill Kelly", People).Text);
        Assert.Equal("CC", ActionOwners.Parse("Colin Carswell", People).Text);
    }

    [Fact]
    public void Parse_UnknownInitials_RefusedListingClosestPeople()
    {
        var result = ActionOwners.Parse("AM/RX", People);
        Assert.False(result.Succeeded);
        Assert.StartsWith("No one has the initials RX. Did you mean ", result.Error);
        Assert.Contains("RV (Rob Vale)", result.Error);
    }

    [Fact]
    public void Parse_NothingClose_RefusedWithoutSuggestions()
    {
        Assert.Equal("No one has the initials ZZZQ", ActionOwners.Parse("ZZZQ", People).Error);
    }

    [Fact]
    public void Parse_Blank_AsksForOwner()
    {
        Assert.Equal("Enter who owns the action, for example AM/RV, SBP or All Partners", ActionOwners.Parse(" ", People).Error);
    }

    [Fact]
    public void Names_InitialsInOwnerText_MatchesWholeCodesOnly()
    {
        Assert.True(ActionOwners.Names("AM/RV", "rv"));
        Assert.False(ActionOwners.Names("AMR/RV", "AM"));
        Assert.False(ActionOwners.Names("SBP", null));
    }
}
