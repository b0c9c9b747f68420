using Bunit;
using Microsoft.AspNetCore.Components;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkSummaryListTests : BunitContext
{
    const string ContactHtml = """
        <p class="govuk-body">email@email.com</p>
        <p class="govuk-body">Address line 1<br>Address line 2<br>Address line 3<br>Address line 4<br>Address line 5</p>
        """;

    static RenderFragment Row(string key, string valueHtml, string? actionHref = null, string actionText = "Change") => b =>
    {
        b.OpenComponent<GovUkSummaryRow>(0);
        b.AddComponentParameter(1, nameof(GovUkSummaryRow.Key), key);
        b.AddComponentParameter(2, nameof(GovUkSummaryRow.ChildContent), (RenderFragment)(c => c.AddMarkupContent(0, valueHtml)));
        b.AddComponentParameter(3, nameof(GovUkSummaryRow.ActionHref), actionHref);
        b.AddComponentParameter(4, nameof(GovUkSummaryRow.ActionText), actionText);
        b.CloseComponent();
    };

    static RenderFragment Rows(params RenderFragment[] rows) => b =>
    {
        foreach (var row in rows) b.AddContent(0, row);
    };

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = Render<GovUkSummaryList>(p => p.AddChildContent(Rows(
            Row("Name", "Firstname Lastname"), Row("Date of birth", "13/08/1980"), Row("Contact information", ContactHtml))));

        cut.MarkupMatches(GovUkFixtures.Html("summary-list", "default"));
    }

    [Fact]
    public void Render_RowWithAction_MatchesDesignSystemRow()
    {
        var cut = Render<GovUkSummaryList>(p => p.AddChildContent(Rows(
            Row("Name", "Firstname Lastname"), Row("Date of birth", "13/08/1980", "#"))));

        cut.FindAll(".govuk-summary-list__row")[1]
            .MarkupMatches(GovUkFixtures.Part("summary-list", "with actions", ".govuk-summary-list__row", 1));
    }

    [Fact]
    public void Render_SomeRowsWithActions_OthersMarkedNoActions()
    {
        // The first row's action comes before the rows without; a later action must mark earlier rows too.
        var cut = Render<GovUkSummaryList>(p => p.AddChildContent(Rows(
            Row("Date of birth", "13/08/1980"), Row("Contact information", ContactHtml), Row("Name", "Firstname Lastname", "#"))));

        var rows = cut.FindAll(".govuk-summary-list__row");
        rows[0].MarkupMatches(GovUkFixtures.Part("summary-list", "with some actions", ".govuk-summary-list__row", 1));
        rows[1].MarkupMatches(GovUkFixtures.Part("summary-list", "with some actions", ".govuk-summary-list__row", 2));
        Assert.DoesNotContain("govuk-summary-list__row--no-actions", rows[2].ClassList);
    }
}
