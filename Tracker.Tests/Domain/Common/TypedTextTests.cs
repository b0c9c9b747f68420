using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.Tests.Domain.Common;

/// <summary>Issue 9: text becomes a typed value in one place, and text that is not a value is refused, never defaulted.</summary>
public sealed class TypedTextTests
{
    [Theory]
    [InlineData("3", 3)]
    [InlineData(" 12 ", 12)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Number_WholeNumberOrBlank_Read(string? text, int? expected)
    {
        var typed = new TypedText();
        Assert.Equal(expected, typed.Number(text, "NetLikelihood", "Net likelihood must be a number"));
        Assert.Empty(typed.Errors);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e9")]
    [InlineData("2.5")]
    [InlineData("99999999999")]
    public void Number_NotAWholeNumber_RefusedWithFieldMessage(string text)
    {
        var typed = new TypedText();
        Assert.Null(typed.Number(text, "NetLikelihood", "Net likelihood must be a number"));
        Assert.Equal([new FieldError("NetLikelihood", "Net likelihood must be a number")], typed.Errors);
    }

    [Theory]
    [InlineData("Closed", RiskStatus.Closed)]
    [InlineData(" open ", RiskStatus.Open)]
    public void Choice_DefinedName_Read(string text, RiskStatus expected)
    {
        var typed = new TypedText();
        Assert.Equal(expected, typed.Choice<RiskStatus>(text, "Status", "Select"));
        Assert.Empty(typed.Errors);
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("99")]
    [InlineData("1")]
    public void Choice_UndefinedOrNumber_Refused(string text)
    {
        var typed = new TypedText();
        Assert.Null(typed.Choice<RiskStatus>(text, "Status", "Select whether the risk is open or closed"));
        Assert.Equal("Select whether the risk is open or closed", Assert.Single(typed.Errors).Message);
    }

    [Theory]
    [InlineData("31/12/9999", "Review date must be between 2000 and 2100")]
    [InlineData("01/01/0001", "Review date must be between 2000 and 2100")]
    [InlineData("31/02/2025", "Review date must be a real date, like 31/03/2025")]
    public void Date_OutOfRangeOrNotADate_Refused(string text, string message)
    {
        var typed = new TypedText();
        Assert.Null(typed.Date(text, "ReviewedOn", "Review date", "31/03/2025"));
        Assert.Equal(message, Assert.Single(typed.Errors).Message);
    }
}
