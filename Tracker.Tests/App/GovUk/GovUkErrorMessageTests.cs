using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkErrorMessageTests : BunitContext
{
    [Fact]
    public void Render_Id_MatchesDesignSystem()
    {
        var cut = Render<GovUkErrorMessage>(p => p.Add(e => e.Id, "my-error-message-id").Add(e => e.Message, "This is an error message"));

        cut.MarkupMatches(GovUkFixtures.Html("error-message", "id"));
    }

    [Fact]
    public void Render_NoMessage_RendersNothing()
    {
        var cut = Render<GovUkErrorMessage>(p => p.Add(e => e.Id, "name-error"));

        Assert.Empty(cut.Markup.Trim());
    }
}
