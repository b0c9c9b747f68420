using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkBackLinkTests : BunitContext
{
    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = Render<GovUkBackLink>(p => p.Add(b => b.Href, "#"));

        cut.MarkupMatches(GovUkFixtures.Html("back-link", "default"));
    }

    [Fact]
    public void Render_WithCustomTextAndLink_MatchesDesignSystem()
    {
        var cut = Render<GovUkBackLink>(p => p.Add(b => b.Href, "/home").Add(b => b.Text, "Back to home"));

        cut.MarkupMatches(GovUkFixtures.Html("back-link", "with custom text and link"));
    }
}
