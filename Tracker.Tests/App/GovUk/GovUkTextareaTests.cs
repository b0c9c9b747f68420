using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkTextareaTests : GovUkFieldTestBase
{
    static string Fixture(string name) => GovUkFixtures.Html("textarea", name);

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkTextarea, string?>(() => Model.MoreDetail, "more-detail",
            p => p.Add(f => f.Label, "Can you provide more detail?"));

        AssertMatchesDesignSystem(cut, Fixture("default"));
    }

    [Fact]
    public void Render_WithHint_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkTextarea, string?>(() => Model.MoreDetail, "more-detail", p => p
            .Add(f => f.Label, "Can you provide more detail?")
            .Add(f => f.Hint, "Don't include personal or financial information, eg your National Insurance number or credit card details."));

        AssertMatchesDesignSystem(cut, Fixture("with hint"));
    }

    [Fact]
    public void Render_WithErrorMessage_MatchesDesignSystem()
    {
        AddError(nameof(FieldModel.NoNiReason), "You must provide an explanation");
        var cut = RenderField<GovUkTextarea, string?>(() => Model.NoNiReason, "no-ni-reason",
            p => p.Add(f => f.Label, "Why can’t you provide a National Insurance number?"));

        AssertMatchesDesignSystem(cut, Fixture("with error message"));
    }

    [Fact]
    public void Render_WithDefaultValue_MatchesDesignSystem()
    {
        Model.Address = "221B Baker Street\nLondon\nNW1 6XE\n";
        var cut = RenderField<GovUkTextarea, string?>(() => Model.Address, "address", p => p
            .Add(f => f.Id, "full-address").Add(f => f.Label, "Full address"));

        AssertMatchesDesignSystem(cut, Fixture("with default value"));
    }

    [Fact]
    public void Render_WithCustomRows_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkTextarea, string?>(() => Model.Address, "address", p => p
            .Add(f => f.Id, "full-address").Add(f => f.Label, "Full address").Add(f => f.Rows, 8));

        AssertMatchesDesignSystem(cut, Fixture("with custom rows"));
    }
}
