using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkButtonTests : BunitContext
{
    static string Fixture(string name) => GovUkFixtures.Html("button", name);

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = Render<GovUkButton>(p => p.AddChildContent("Save and continue"));

        cut.MarkupMatches(Fixture("default"));
    }

    [Fact]
    public void Render_Link_MatchesDesignSystem()
    {
        var cut = Render<GovUkButton>(p => p.Add(b => b.Href, "/").AddChildContent("Link button"));

        cut.MarkupMatches(Fixture("link"));
    }

    [Fact]
    public void Render_Secondary_MatchesDesignSystem()
    {
        var cut = Render<GovUkButton>(p => p.Add(b => b.Secondary, true).Add(b => b.Name, "secondary").AddChildContent("Secondary button"));

        cut.MarkupMatches(Fixture("secondary"));
    }

    [Fact]
    public void Render_Warning_MatchesDesignSystem()
    {
        var cut = Render<GovUkButton>(p => p.Add(b => b.Warning, true).Add(b => b.Name, "Warning").AddChildContent("Warning button"));

        cut.MarkupMatches(Fixture("warning"));
    }

    [Fact]
    public void Render_Value_MatchesDesignSystem()
    {
        var cut = Render<GovUkButton>(p => p.Add(b => b.Value, "start").AddChildContent("Submit"));

        cut.MarkupMatches(Fixture("value"));
    }

    [Fact]
    public void Render_Type_MatchesDesignSystem()
    {
        var cut = Render<GovUkButton>(p => p.Add(b => b.Type, "button").AddChildContent("Submit"));

        cut.MarkupMatches(Fixture("type"));
    }

    [Fact]
    public void Render_Id_MatchesDesignSystem()
    {
        var cut = Render<GovUkButton>(p => p.AddUnmatched("id", "submit").AddChildContent("Submit"));

        cut.MarkupMatches(Fixture("id"));
    }
}
