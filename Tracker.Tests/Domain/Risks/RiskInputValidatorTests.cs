using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.Tests.Domain.Risks;

public sealed class RiskInputValidatorTests
{
    static RiskInput Valid() => new("R5", "No established budget", "No agreement", "Lack of flexibility", ["P", "E"], 1,
        4, 4, "Council leads", 2, 2, 1, 2, 3, "31/03/2025", RiskStatus.Open, null);

    static IReadOnlyList<FieldError> Check(RiskInput input, int size = 5) => new RiskInputValidator(size).Check(input);

    [Fact]
    public void Check_ValidRisk_NoErrors() => Assert.Empty(Check(Valid()));

    [Fact]
    public void Check_NoNetOrTarget_AllowedAsInTheRiskLog() =>
        Assert.Empty(Check(Valid() with { GrossLikelihood = 3, NetLikelihood = null, NetSeverity = null, TargetLikelihood = null, TargetSeverity = null }));

    [Fact]
    public void Check_NetHigherThanGross_RefusedNamingBothScores()
    {
        var error = Assert.Single(Check(Valid() with { GrossLikelihood = 3, GrossSeverity = 4, NetLikelihood = 4, NetSeverity = 4, TargetLikelihood = null, TargetSeverity = null }));
        Assert.Equal(new FieldError("NetLikelihood", "Net risk score (16) cannot be higher than gross risk score (12)"), error);
    }

    [Fact]
    public void Check_TargetHigherThanNet_RefusedNamingBothScores()
    {
        var error = Assert.Single(Check(Valid() with { TargetLikelihood = 3, TargetSeverity = 3 }));
        Assert.Equal(new FieldError("TargetLikelihood", "Target risk score (9) cannot be higher than net risk score (4)"), error);
    }

    [Fact]
    public void Check_TargetHigherThanGrossWithNoNet_Refused()
    {
        var error = Assert.Single(Check(Valid() with { GrossLikelihood = 2, GrossSeverity = 2, NetLikelihood = null, NetSeverity = null, TargetLikelihood = 3, TargetSeverity = 3 }));
        Assert.Equal("Target risk score (9) cannot be higher than gross risk score (4)", error.Message);
    }

    [Fact]
    public void Check_EqualScores_Allowed() =>
        Assert.Empty(Check(Valid() with { NetLikelihood = 4, NetSeverity = 4, TargetLikelihood = 2, TargetSeverity = 8 }, size: 8));

    [Theory]
    [InlineData(0, "Gross likelihood must be between 1 and 5")]
    [InlineData(6, "Gross likelihood must be between 1 and 5")]
    public void Check_LikelihoodOutsideMatrix_Refused(int likelihood, string message) =>
        Assert.Contains(new FieldError("GrossLikelihood", message), Check(Valid() with { GrossLikelihood = likelihood }));

    [Fact]
    public void Check_LargerMatrix_AllowsLargerScores() =>
        Assert.Empty(Check(Valid() with { GrossLikelihood = 6, GrossSeverity = 6 }, size: 6));

    [Fact]
    public void Check_NetHalfEntered_AsksForTheOtherHalf() =>
        Assert.Contains(new FieldError("NetSeverity", "Select the net severity, or leave net likelihood and severity both blank"),
            Check(Valid() with { NetSeverity = null, TargetLikelihood = null, TargetSeverity = null }));

    [Fact]
    public void Check_BlankRequiredFields_GovUkMessages()
    {
        var messages = Check(Valid() with { Reference = "", Title = "", Categories = [], OwnerGroupId = null, GrossLikelihood = null }).Select(e => e.Message).ToList();
        Assert.Contains("Enter the risk reference", messages);
        Assert.Contains("Enter the risk", messages);
        Assert.Contains("Select at least one risk category", messages);
        Assert.Contains("Select the group that owns the risk", messages);
        Assert.Contains("Select the gross likelihood", messages);
    }

    [Fact]
    public void Check_UnknownCategory_Refused() =>
        Assert.Contains("Risk categories must be from P, E, S, T, L, C", Check(Valid() with { Categories = ["P", "X"] }).Select(e => e.Message));

    [Fact]
    public void Check_ClosedWithoutNote_Refused() =>
        Assert.Contains(new FieldError("ClosingNote", "Enter a closing note to close the risk"), Check(Valid() with { Status = RiskStatus.Closed }));

    [Fact]
    public void Check_BadReviewDate_Refused() =>
        Assert.Contains(new FieldError("NextReviewDate", "Next review date must be a real date, like 31/03/2025"), Check(Valid() with { NextReviewDate = "31/02/2025" }));

    [Fact]
    public void FurtherAction_BlankAndBadDate_Refused()
    {
        var errors = new FurtherActionInputValidator().Check(new FurtherActionInput("", "AM", null, "tomorrow"));
        Assert.Equal(["Enter the further action", "Target completion date must be a real date, like 31/03/2025"], errors.Select(e => e.Message));
    }
}
