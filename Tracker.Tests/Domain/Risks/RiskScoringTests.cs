using Tracker.Domain.Risks;

namespace Tracker.Tests.Domain.Risks;

public sealed class RiskScoringTests
{
    [Theory]
    [InlineData(4, 4, 16)]
    [InlineData(3, 4, 12)]
    [InlineData(1, 1, 1)]
    [InlineData(5, 5, 25)]
    public void Score_LikelihoodAndSeverity_IsTheirProduct(int likelihood, int severity, int expected) =>
        Assert.Equal(expected, new RiskScore(likelihood, severity).Score);

    [Fact]
    public void From_OneHalfMissing_IsNoScore()
    {
        Assert.Null(RiskScore.From(2, null));
        Assert.Null(RiskScore.From(null, 2));
        Assert.Equal(new RiskScore(2, 2), RiskScore.From(2, 2));
    }

    [Theory]
    [InlineData(1, RiskBand.Low)]
    [InlineData(4, RiskBand.Low)]
    [InlineData(5, RiskBand.Medium)]
    [InlineData(10, RiskBand.Medium)]
    [InlineData(12, RiskBand.High)]
    [InlineData(16, RiskBand.High)]
    [InlineData(20, RiskBand.VeryHigh)]
    [InlineData(25, RiskBand.VeryHigh)]
    public void BandOf_DefaultMatrix_FollowsThePartnershipBands(int score, RiskBand expected) =>
        Assert.Equal(expected, new RiskSettings().BandOf(score));

    [Fact]
    public void BandOf_ChangedBoundaries_UsesConfiguration()
    {
        var settings = new RiskSettings { LowMax = 2, MediumMax = 6, HighMax = 12 };
        Assert.Equal(RiskBand.Medium, settings.BandOf(4));
        Assert.Equal(RiskBand.VeryHigh, settings.BandOf(15));
        Assert.Equal("13–25", settings.Range(RiskBand.VeryHigh));
    }

    [Fact]
    public void Range_DefaultMatrix_NamesTheBands()
    {
        var settings = new RiskSettings();
        Assert.Equal(["1–4", "5–10", "11–16", "17–25"], Enum.GetValues<RiskBand>().Select(settings.Range));
        Assert.Equal("Very high", RiskBand.VeryHigh.Label());
        Assert.Equal(RiskBand.VeryHigh, RiskBands.FromSlug("very-high"));
    }

    [Fact]
    public void ToleranceFor_SeveralCategories_MostAverseWins()
    {
        var settings = new RiskSettings();
        var appetites = new Dictionary<string, RiskAppetite> { ["L"] = RiskAppetite.Averse, ["E"] = RiskAppetite.Eager, ["S"] = RiskAppetite.Cautious };
        Assert.Equal(4, settings.ToleranceFor(["E", "L"], appetites));
        Assert.Equal(12, settings.ToleranceFor(["S"], appetites));
        Assert.True(settings.IsAboveAppetite(16, ["S", "E"], appetites));
        Assert.False(settings.IsAboveAppetite(12, ["S", "E"], appetites));
        Assert.False(settings.IsAboveAppetite(25, ["E"], appetites));
    }

    [Fact]
    public void MaxTolerable_ConfiguredLevels_MapEachAppetite()
    {
        var settings = new RiskSettings { AverseMax = 3, MinimalMax = 5, CautiousMax = 9, OpenMax = 15, EagerMax = 20 };
        Assert.Equal([3, 5, 9, 15, 20], Enum.GetValues<RiskAppetite>().Select(settings.MaxTolerable));
    }

    [Fact]
    public void SettingsValidator_BandsOutOfOrder_Refused()
    {
        var errors = new RiskSettingsInputValidator().Validate(new RiskSettingsInput(5, 4, 3, 30, 4, 8, 12, 16, 25)).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("The highest Medium score must be higher than the highest Low score", errors);
        Assert.Contains("The highest High score must be lower than the largest score on the matrix (25), so Very high can be reached", errors);
    }

    [Fact]
    public void SettingsValidator_Defaults_Valid() =>
        Assert.True(new RiskSettingsInputValidator().Validate(new RiskSettings().ToInput()).IsValid);
}
