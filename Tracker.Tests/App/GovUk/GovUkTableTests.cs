using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

/// <summary>Our table is the frame (caption, head row, body); callers write the cells, as here.</summary>
public sealed class GovUkTableTests : BunitContext
{
    const string Rows = """
        <tr class="govuk-table__row"><td class="govuk-table__cell">January</td><td class="govuk-table__cell govuk-table__cell--numeric">£85</td><td class="govuk-table__cell govuk-table__cell--numeric">£95</td></tr>
        <tr class="govuk-table__row"><td class="govuk-table__cell">February</td><td class="govuk-table__cell govuk-table__cell--numeric">£75</td><td class="govuk-table__cell govuk-table__cell--numeric">£55</td></tr>
        <tr class="govuk-table__row"><td class="govuk-table__cell">March</td><td class="govuk-table__cell govuk-table__cell--numeric">£165</td><td class="govuk-table__cell govuk-table__cell--numeric">£125</td></tr>
        """;

    static string Fixture(string name) => GovUkFixtures.Html("table", name);

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = Render<GovUkTable>(p => p.Add(t => t.Body, Rows));

        cut.MarkupMatches(Fixture("default"));
    }

    [Fact]
    public void Render_WithHeadAndCaption_MatchesDesignSystem()
    {
        const string head = """
            <th scope="col" class="govuk-table__header">Month you apply</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Rate for bicycles</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Rate for vehicles</th>
            """;
        const string body = """
            <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">January</th><td class="govuk-table__cell govuk-table__cell--numeric">£85</td><td class="govuk-table__cell govuk-table__cell--numeric">£95</td></tr>
            <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">February</th><td class="govuk-table__cell govuk-table__cell--numeric">£75</td><td class="govuk-table__cell govuk-table__cell--numeric">£55</td></tr>
            <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">March</th><td class="govuk-table__cell govuk-table__cell--numeric">£165</td><td class="govuk-table__cell govuk-table__cell--numeric">£125</td></tr>
            """;
        var cut = Render<GovUkTable>(p => p.Add(t => t.Caption, "Caption 1: Months and rates").Add(t => t.Head, head).Add(t => t.Body, body));

        cut.MarkupMatches(Fixture("with head and caption"));
    }
}
