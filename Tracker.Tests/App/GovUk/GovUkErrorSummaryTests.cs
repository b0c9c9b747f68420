using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkErrorSummaryTests : BunitContext
{
    static string Fixture(string name) => GovUkFixtures.Html("error-summary", name);

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = Render<GovUkErrorSummary>(p => p.Add(s => s.Items, [
            ("#example-error-1", "The date your passport was issued must be in the past"),
            ("#example-error-2", "Enter a postcode, like AA1 1AA")]));

        cut.MarkupMatches(Fixture("default"));
    }

    [Fact]
    public void Render_WithoutLinks_MatchesDesignSystem()
    {
        var cut = Render<GovUkErrorSummary>(p => p.Add(s => s.Items, [(null, "Invalid username or password")]));

        cut.MarkupMatches(Fixture("without links"));
    }

    [Fact]
    public void Render_MixedWithAndWithoutLinks_MatchesDesignSystem()
    {
        var cut = Render<GovUkErrorSummary>(p => p.Add(s => s.Items, [
            (null, "Invalid username or password"),
            ("#example-error-1", "Agree to the terms of service to log in")]));

        cut.MarkupMatches(Fixture("mixed with and without links"));
    }

    [Fact]
    public void Render_FormMessages_ListsEachLinkedToItsField()
    {
        var context = new EditContext(new RiskForm());
        var messages = FormMessages.For(context);
        messages.Add(nameof(RiskForm.RiskTitle), "Enter the risk title");
        messages.Add(nameof(RiskForm.ReviewDate), "Review date must be a real date");
        messages.Add("", "Someone else changed this risk while you were editing it");

        var cut = Render<GovUkErrorSummary>(p => p.AddCascadingValue(context));

        var items = cut.FindAll(".govuk-error-summary__list li");
        Assert.Equal(
            [("#risk-title", "Enter the risk title"), ("#review-date", "Review date must be a real date"),
             (null, "Someone else changed this risk while you were editing it")],
            items.Select(li => (li.QuerySelector("a")?.GetAttribute("href"), li.TextContent.Trim())));
    }

    [Fact]
    public void Render_NoMessages_RendersNothing()
    {
        var cut = Render<GovUkErrorSummary>(p => p.AddCascadingValue(new EditContext(new RiskForm())));

        Assert.Empty(cut.Markup.Trim());
    }

    sealed class RiskForm
    {
        public string? RiskTitle { get; set; }
        public string? ReviewDate { get; set; }
    }
}
