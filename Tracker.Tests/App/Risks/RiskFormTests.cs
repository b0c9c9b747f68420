using Tracker.App.Features.Risks;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.Tests.App.Risks;

/// <summary>Issue 9: crafted values posted to the risk forms are refused with a message, never silently changed.</summary>
public sealed class RiskFormTests
{
    static RiskForm Valid() => new()
    {
        Reference = "R5", Title = "No budget", Categories = ["P"], OwnerGroupId = "1", GrossLikelihood = "4", GrossSeverity = "4",
        NetLikelihood = "2", NetSeverity = "2", ReviewFrequencyMonths = "6", NextReviewDate = "31/03/2025", Status = "Open",
    };

    static (RiskInput Input, IReadOnlyList<FieldError> Errors) Read(RiskForm form)
    {
        var typed = new TypedText();
        var input = form.ToInput(typed);
        return (input, typed.Errors);
    }

    [Fact]
    public void ToInput_ValidForm_ReadsEveryValue()
    {
        var (input, errors) = Read(Valid());
        Assert.Empty(errors);
        Assert.Equal((2, 2, 6, RiskStatus.Open), (input.NetLikelihood, input.NetSeverity, input.ReviewFrequencyMonths, input.Status));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e9")]
    public void ToInput_NetLikelihoodNotANumber_Refused(string text)
    {
        var (_, errors) = Read(Valid().With(f => f.NetLikelihood = text));
        Assert.Equal(new FieldError(nameof(RiskInput.NetLikelihood), "Net likelihood must be a number, like 3"), Assert.Single(errors));
    }

    [Fact]
    public void ToInput_ReviewFrequencyNotANumber_RefusedNotDefaultedToThree()
    {
        var (_, errors) = Read(Valid().With(f => f.ReviewFrequencyMonths = "abc"));
        Assert.Equal(new FieldError(nameof(RiskInput.ReviewFrequencyMonths), "Select how often the risk is reviewed"), Assert.Single(errors));
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("99")]
    public void ToInput_StatusNotOpenOrClosed_RefusedNotDefaultedToOpen(string text)
    {
        var (_, errors) = Read(Valid().With(f => f.Status = text));
        Assert.Equal(new FieldError(nameof(RiskInput.Status), "Select whether the risk is open or closed"), Assert.Single(errors));
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

static class RiskFormExtensions
{
    public static RiskForm With(this RiskForm form, Action<RiskForm> change)
    {
        change(form);
        return form;
    }
}
