using Tracker.Domain.Common;
using Tracker.Domain.People;

namespace Tracker.Tests.Domain.People;

public sealed class PersonInputValidatorTests
{
    readonly PersonInputValidator _validator = new();

    [Fact]
    public void Check_ValidPerson_NoErrors() =>
        Assert.Empty(_validator.Check(new PersonInput("Amanda Mumford", "AM", "Community Safety Coordinator", null, "am@example.org")));

    [Fact]
    public void Check_BlankNameAndInitials_GovUkMessages()
    {
        var errors = _validator.Check(new PersonInput("", "", null, null, null));
        Assert.Contains(new FieldError("Name", "Enter the person's name"), errors);
        Assert.Contains(new FieldError("Initials", "Enter the person's initials"), errors);
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("ABCDEF")]
    [InlineData("A M")]
    public void Check_InitialsNotLetters_Refused(string initials) =>
        Assert.Contains(_validator.Check(new PersonInput("Someone", initials, null, null, null)),
            e => e.Field == "Initials" && e.Message == "Initials must be 1 to 5 letters, like AM");

    [Fact]
    public void Check_BadEmail_Refused() =>
        Assert.Contains(_validator.Check(new PersonInput("Someone", "SO", null, null, "not-an-email")), e => e.Field == "Email");

    [Fact]
    public void Update_TrimsAndUppercasesInitials()
    {
        var person = new Person { Name = "", Initials = "" };
        person.Update(new PersonInput("  Rob Vale ", " rv ", null, 3, " "));
        Assert.Equal("Rob Vale", person.Name);
        Assert.Equal("RV", person.Initials);
        Assert.Equal(3, person.PartnerId);
        Assert.Null(person.Email);
    }
}
