using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkInputTests : GovUkFieldTestBase
{
    const string NiHint = "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.";
    const string NiError = "Enter a National Insurance number in the correct format";

    static string Fixture(string name) => GovUkFixtures.Html("input", name);

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "test-name",
            p => p.Add(f => f.Label, "National Insurance number"));

        AssertMatchesDesignSystem(cut, Fixture("default"));
    }

    [Fact]
    public void Render_WithHintText_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "test-name-2", p => p
            .Add(f => f.Id, "input-with-hint-text").Add(f => f.Label, "National insurance number").Add(f => f.Hint, NiHint));

        AssertMatchesDesignSystem(cut, Fixture("with hint text"));
    }

    [Fact]
    public void Render_WithErrorMessage_MatchesDesignSystem()
    {
        AddError(nameof(FieldModel.TestName), NiError);
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "test-name-3", p => p
            .Add(f => f.Id, "input-with-error-message").Add(f => f.Label, "National Insurance number"));

        AssertMatchesDesignSystem(cut, Fixture("with error message"));
    }

    [Fact]
    public void Render_WithErrorAndHint_MatchesDesignSystem()
    {
        AddError(nameof(FieldModel.TestName), NiError);
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "with-error-hint", p => p
            .Add(f => f.Id, "with-error-hint").Add(f => f.Label, "National insurance number").Add(f => f.Hint, NiHint));

        AssertMatchesDesignSystem(cut, Fixture("with error and hint"));
    }

    [Fact]
    public void Render_WithWidth10Class_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "test-width-10", p => p
            .Add(f => f.Id, "input-width-10").Add(f => f.Label, "National insurance number").Add(f => f.Hint, NiHint)
            .Add(f => f.WidthClass, "govuk-input--width-10"));

        AssertMatchesDesignSystem(cut, Fixture("with width-10 class"));
    }

    [Fact]
    public void Render_WithLabelAsPageHeading_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "test-name", p => p
            .Add(f => f.Id, "input-with-page-heading").Add(f => f.Label, "National Insurance number")
            .Add(f => f.LabelIsPageHeading, true));

        AssertMatchesDesignSystem(cut, Fixture("with label as page heading"));
    }

    [Fact]
    public void Render_WithValue_MatchesDesignSystem()
    {
        Model.TestName = "QQ 12 34 56 C";
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "with-value", p => p
            .Add(f => f.Id, "with-value").Add(f => f.Label, "With value"));

        AssertMatchesDesignSystem(cut, Fixture("value"));
    }

    [Fact]
    public void Render_CustomType_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "with-custom-type", p => p
            .Add(f => f.Id, "with-custom-type").Add(f => f.Label, "With custom type").Add(f => f.Type, "number"));

        AssertMatchesDesignSystem(cut, Fixture("custom type"));
    }

    [Fact]
    public void Render_WithAutocompleteAttribute_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.Postcode, "postcode", p => p
            .Add(f => f.Id, "input-with-autocomplete-attribute").Add(f => f.Label, "Postcode").Add(f => f.Autocomplete, "postal-code"));

        AssertMatchesDesignSystem(cut, Fixture("with autocomplete attribute"));
    }

    [Fact]
    public void Render_WithSpellcheckDisabled_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "spellcheck", p => p
            .Add(f => f.Id, "input-with-spellcheck-disabled").Add(f => f.Label, "Spellcheck is disabled").Add(f => f.Spellcheck, "false"));

        AssertMatchesDesignSystem(cut, Fixture("with spellcheck disabled"));
    }

    [Fact]
    public void Render_Inputmode_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkInput, string?>(() => Model.TestName, "with-inputmode", p => p
            .Add(f => f.Id, "with-inputmode").Add(f => f.Label, "With inputmode").Add(f => f.InputMode, "decimal"));

        AssertMatchesDesignSystem(cut, Fixture("inputmode"));
    }

    [Fact]
    public void Render_FieldHasError_ErrorClassAndDescribedByError()
    {
        Model.Postcode = "not a postcode";
        AddError(nameof(FieldModel.Postcode), "Enter a real postcode");
        var cut = RenderField<GovUkInput, string?>(() => Model.Postcode, "Form.Postcode", p => p
            .Add(f => f.Label, "Postcode").Add(f => f.Hint, "For example, BR1 3UH"));

        var input = cut.Find("input");
        Assert.Contains("govuk-input--error", input.ClassList);
        Assert.Equal("postcode-hint postcode-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Error: Enter a real postcode", cut.Find("#postcode-error").TextContent.Trim());
        Assert.Equal("not a postcode", input.GetAttribute("value"));
        Assert.Contains("govuk-form-group--error", cut.Find(".govuk-form-group").ClassList);
    }

    [Fact]
    public void Render_PasswordNotKept_ValueNotEchoed()
    {
        Model.Password = "Bromley-Demo-2026";
        var cut = RenderField<GovUkInput, string?>(() => Model.Password, "Form.Password", p => p
            .Add(f => f.Label, "Password").Add(f => f.Type, "password").Add(f => f.KeepValue, false));

        var input = cut.Find("input");
        Assert.Equal("password", input.GetAttribute("type"));
        Assert.False(input.HasAttribute("value"));
        Assert.DoesNotContain("Bromley-Demo-2026", cut.Markup);
    }
}
