using Tracker.App.Features.Risks;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.Tests.App.Risks;

/// <summary>
/// The risk form's model. Interactive controls hand it typed values (a select cannot post "abc"), so
/// what issue 9 refused in posted text cannot arrive; the service refuses undefined values itself
/// (RiskBadInputTests). The further action's RAG is still read from its text and refused if it is not one.
/// </summary>
public sealed class RiskFormTests
{
    static RiskForm Valid() => new()
    {
        Reference = "R5", Title = "No budget", Categories = ["P"], OwnerGroupId = 1, GrossLikelihood = 4, GrossSeverity = 4,
        NetLikelihood = 2, NetSeverity = 2, ReviewFrequencyMonths = 6, NextReviewDate = "31/03/2025", Status = RiskStatus.Open,
    };

    [Fact]
    public void ToInput_ValidForm_ReadsEveryValue()
    {
        var input = Valid().ToInput();
        Assert.Empty(new RiskInputValidator().Check(input));
        Assert.Equal((2, 2, 6, RiskStatus.Open), (input.NetLikelihood, input.NetSeverity, input.ReviewFrequencyMonths, input.Status));
        Assert.Equal(new RiskScore(2, 2), Valid().Net);
    }

    [Fact]
    public void SetCategory_TickedInAnyOrder_KeptInTheRegistersOrder()
    {
        var form = Valid();
        form.SetCategory("C", true);
        form.SetCategory("E", true);
        form.SetCategory("P", false);
        Assert.Equal(["E", "C"], form.Categories);
    }

    [Fact]
    public void DiffersFrom_SameCategoriesInAnotherOrder_NotAChange()
    {
        var form = Valid();
        var loaded = form.ToInput() with { Categories = ["p"] };
        Assert.False(form.DiffersFrom(loaded));
        form.Controls = "Typed";
        Assert.True(form.DiffersFrom(loaded));
    }

    [Theory]
    [InlineData("Purple")]
    [InlineData("7")]
    public void FurtherActionToInput_RagNotARating_RefusedNotDefaultedToNotRated(string text)
    {
        var typed = new TypedText();
        new FurtherActionForm { Description = "Act", Rag = text }.ToInput(typed);
        Assert.Equal(new FieldError(nameof(FurtherActionInput.Rag), "Select Red, Amber, Green or Blue, or Not rated"), Assert.Single(typed.Errors));
    }

    [Fact]
    public void FurtherActionToInput_RagBlank_NotRated()
    {
        var typed = new TypedText();
        Assert.Null(new FurtherActionForm { Description = "Act", Rag = "" }.ToInput(typed).Rag);
        Assert.Empty(typed.Errors);
    }
}
