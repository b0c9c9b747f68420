using Bunit;
using Tracker.App.Components.GovUk;

namespace Tracker.Tests.App.GovUk;

public sealed class GovUkSelectTests : GovUkFieldTestBase
{
    static string Fixture(string name) => GovUkFixtures.Html("select", name);

    [Fact]
    public void Render_Default_MatchesDesignSystem()
    {
        Model.Select1 = "2";
        var cut = RenderField<GovUkSelect<string?>, string?>(() => Model.Select1, "select-1", p => p
            .Add(f => f.Id, "select-1").Add(f => f.Label, "Label text goes here")
            .Add(f => f.Options, [new("1", "GOV.UK frontend option 1"), new("2", "GOV.UK frontend option 2"),
                new("3", "GOV.UK frontend option 3", Disabled: true)]));

        AssertMatchesDesignSystem(cut, Fixture("default"));
    }

    [Fact]
    public void Render_WithHintTextAndErrorMessage_MatchesDesignSystem()
    {
        AddError(nameof(FieldModel.Select2), "Error message goes here");
        var cut = RenderField<GovUkSelect<string?>, string?>(() => Model.Select2, "select-2", p => p
            .Add(f => f.Id, "select-2").Add(f => f.Label, "Label text goes here").Add(f => f.Hint, "Hint text goes here")
            .Add(f => f.Options, [new("1", "GOV.UK frontend option 1"), new("2", "GOV.UK frontend option 2"),
                new("3", "GOV.UK frontend option 3")]));

        AssertMatchesDesignSystem(cut, Fixture("with hint text and error message"));
    }

    [Fact]
    public void Render_Id_MatchesDesignSystem()
    {
        var cut = RenderField<GovUkSelect<string?>, string?>(() => Model.TestName, "test-name", p => p
            .Add(f => f.Id, "select-id").Add(f => f.Label, "Horse with no name").Add(f => f.Options, []));

        AssertMatchesDesignSystem(cut, Fixture("id"));
    }
}
