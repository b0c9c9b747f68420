using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkRadiosTests : GovUkFieldTestBase
{
    const string Legend = "Have you changed your name?";
    const string NameHint = "This includes changing your last name or spelling your name differently.";
    static readonly GovUkOption[] YesNo = [new("yes", "Yes"), new("no", "No")];

    static string Fixture(string name) => GovUkFixtures.Html("radios", name);

    // Our legend defaults to the medium size the app's forms use; the Design System's examples have none.
    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkRadios<string?>, string?>(() => Model.ExampleDefault, "example-default", p => p
            .Add(f => f.Label, Legend).Add(f => f.LegendClass, "").Add(f => f.Options, YesNo));

        AssertMatchesDesignSystem(cut, Fixture("default"));
    }

    [Fact]
    public void Render_WithHint_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkRadios<string?>, string?>(() => Model.ExampleWithHint, "example-with-hint", p => p
            .Add(f => f.Label, Legend).Add(f => f.LegendClass, "").Add(f => f.Hint, NameHint).Add(f => f.Options, YesNo));

        AssertMatchesDesignSystem(cut, Fixture("with hint"));
    }

    [Fact]
    public void Render_Inline_MatchesDesignSystem()
    {
        Model.Example = "no";
        var cut = RenderField<GovUkRadios<string?>, string?>(() => Model.Example, "example", p => p
            .Add(f => f.Label, Legend).Add(f => f.LegendClass, "").Add(f => f.Hint, NameHint)
            .Add(f => f.Inline, true).Add(f => f.Options, YesNo));

        AssertMatchesDesignSystem(cut, Fixture("inline"));
    }

    [Fact]
    public void Render_WithHintAndErrorMessage_MatchesDesignSystem()
    {
        AddError(nameof(FieldModel.ExampleErrorMessageHint), "Please select an option");
        var cut = RenderField<GovUkRadios<string?>, string?>(() => Model.ExampleErrorMessageHint, "example-error-message-hint", p => p
            .Add(f => f.Label, Legend).Add(f => f.LegendClass, "").Add(f => f.Hint, NameHint).Add(f => f.Options, YesNo));

        AssertMatchesDesignSystem(cut, Fixture("with hint and error message"));
    }

    [Fact]
    public void Render_WithHintsOnParentAndItems_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkRadios<string?>, string?>(() => Model.ExampleMultipleHints, "example-multiple-hints", p => p
            .Add(f => f.Label, Legend).Add(f => f.LegendClass, "").Add(f => f.Hint, NameHint)
            .Add(f => f.Options, [new("yes", "Yes", "Hint for yes option here"), new("no", "No", "Hint for no option here")]));

        AssertMatchesDesignSystem(cut, Fixture("with hints on parent and items"));
    }

    [Fact]
    public void Render_WithLegendAsPageHeading_MatchesDesignSystemLegend()
    {
        // The fixture's items are HTML; ours are text, so only the fieldset's legend is compared.
        var cut = RenderField<GovUkRadios<string?>, string?>(() => Model.Example, "housing-act", p => p
            .Add(f => f.Id, "housing-act").Add(f => f.Label, "Which part of the Housing Act was your licence issued under?")
            .Add(f => f.LegendClass, "govuk-fieldset__legend--l").Add(f => f.LabelIsPageHeading, true)
            .Add(f => f.Hint, "Select one of the options below.").Add(f => f.Options, YesNo));

        cut.Find("legend").MarkupMatches(GovUkFixtures.Part("radios", "with legend as page heading", "legend"));
        cut.Find(".govuk-hint").MarkupMatches(GovUkFixtures.Part("radios", "with legend as page heading", ".govuk-hint"));
    }

    [Fact]
    public void Render_CurrentValue_OnlyThatRadioChecked()
    {
        Model.Example = "no";
        var cut = RenderField<GovUkRadios<string?>, string?>(() => Model.Example, "Form.Example", p => p
            .Add(f => f.Label, Legend).Add(f => f.Options, [new("yes", "Yes"), new("no", "No"), new("unsure", "Not sure")]));

        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(["example", "example-2", "example-3"], radios.Select(r => r.Id));
        Assert.Equal([false, true, false], radios.Select(r => r.HasAttribute("checked")));
    }
}
