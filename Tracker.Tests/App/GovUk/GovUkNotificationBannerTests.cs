using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkNotificationBannerTests : BunitContext
{
    const string Withdrawn = "This publication was withdrawn on 7 March 2014.";

    static string Fixture(string name) => GovUkFixtures.Html("notification-banner", name);

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = Render<GovUkNotificationBanner>(p => p.Add(b => b.Heading, Withdrawn));

        cut.MarkupMatches(Fixture("default"));
    }

    [Fact]
    public void Render_WithTypeAsSuccess_MatchesDesignSystem()
    {
        var cut = Render<GovUkNotificationBanner>(p => p.Add(b => b.Success, true).Add(b => b.Heading, "Email sent to example@email.com"));

        cut.MarkupMatches(Fixture("with type as success"));
    }

    [Fact]
    public void Render_CustomTitle_MatchesDesignSystem()
    {
        var cut = Render<GovUkNotificationBanner>(p => p.Add(b => b.Title, "Important information").Add(b => b.Heading, Withdrawn));

        cut.MarkupMatches(Fixture("custom title"));
    }

    [Fact]
    public void Render_CustomTitleId_MatchesDesignSystem()
    {
        var cut = Render<GovUkNotificationBanner>(p => p.Add(b => b.TitleId, "my-id").Add(b => b.Heading, Withdrawn));

        cut.MarkupMatches(Fixture("custom title id"));
    }
}
