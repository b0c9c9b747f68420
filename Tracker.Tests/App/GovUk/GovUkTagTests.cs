using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkTagTests : BunitContext
{
    [Theory]
    [InlineData("default", "Alpha", null)]
    [InlineData("grey", "Grey", "govuk-tag--grey")]
    [InlineData("green", "Green", "govuk-tag--green")]
    [InlineData("yellow", "Yellow", "govuk-tag--yellow")]
    [InlineData("red", "Red", "govuk-tag--red")]
    public void Render_Colour_MatchesDesignSystem(string fixture, string text, string? colour)
    {
        var cut = Render<GovUkTag>(p => p.Add(t => t.Text, text).Add(t => t.Colour, colour));

        cut.MarkupMatches(GovUkFixtures.Html("tag", fixture));
    }

    [Fact]
    public void Render_RagColour_AlwaysShowsTheWord()
    {
        var cut = Render<GovUkTag>(p => p.Add(t => t.Text, "Red").Add(t => t.Colour, "govuk-tag--red"));

        Assert.Equal("Red", cut.Find("strong.govuk-tag").TextContent.Trim());
    }
}
