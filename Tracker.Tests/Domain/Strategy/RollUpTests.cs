using Tracker.Domain.Strategy;

namespace Tracker.Tests.Domain.Strategy;

public sealed class RollUpTests
{
    [Fact]
    public void Worst_MixedRatings_RedWins() =>
        Assert.Equal(RagStatus.Red, RollUp.Worst([RagStatus.Green, RagStatus.Red, RagStatus.Amber, RagStatus.Blue]));

    [Fact]
    public void Worst_GreenAndBlue_GreenBecauseBlueOnlyWhenAllBlue() =>
        Assert.Equal(RagStatus.Green, RollUp.Worst([RagStatus.Blue, RagStatus.Green, RagStatus.Blue]));

    [Fact]
    public void Worst_AllBlue_Blue() =>
        Assert.Equal(RagStatus.Blue, RollUp.Worst([RagStatus.Blue, RagStatus.Blue]));

    [Fact]
    public void Worst_NotUpdatedActionsLeftOut_WorstOfRated() =>
        Assert.Equal(RagStatus.Amber, RollUp.Worst([null, RagStatus.Amber, null, RagStatus.Green]));

    [Fact]
    public void Worst_NothingRated_NotUpdated() =>
        Assert.Null(RollUp.Worst([null, null]));

    [Fact]
    public void Of_Override_EffectiveIsOverrideAndComputedKept()
    {
        var over = new RollUpOverride { Rag = RagStatus.Amber, Reason = "Funding gap agreed by the Strategic Group" };
        var rollUp = RollUp.Of([RagStatus.Green, RagStatus.Green], over);
        Assert.Equal(RagStatus.Green, rollUp.Computed);
        Assert.Equal(RagStatus.Amber, rollUp.Effective);
        Assert.True(rollUp.IsOverridden);
        Assert.Equal("Funding gap agreed by the Strategic Group", rollUp.OverrideReason);
    }

    [Fact]
    public void Of_NoOverride_NotOverridden() =>
        Assert.False(RollUp.Of([RagStatus.Red], null).IsOverridden);

    [Theory]
    [InlineData(21328, 25481, RagStatus.Green)]
    [InlineData(513, 441, RagStatus.Amber)]
    [InlineData(13110, 6764, RagStatus.Red)]
    public void MetricSuggest_ReportFigures_MatchTheReportsRag(int count, int previous, RagStatus expected)
    {
        var metric = new Metric { Name = "x" };
        var value = metric.AddValue(new FinancialQuarter(2020, 4), "Rolling Year Jan 21", count, previous);
        Assert.Equal(expected, value.Rag(metric));
    }

    [Fact]
    public void MetricValue_ChangeText_AsTheReportWritesIt()
    {
        var metric = new Metric { Name = "Total Notifiable Offences" };
        var value = metric.AddValue(new FinancialQuarter(2020, 4), "Rolling Year Jan 21", 21328, 25481);
        Assert.Equal("-16% (25,481)", value.ChangeText);
        Assert.Equal(-16.3m, value.ChangePercent);
    }

    [Fact]
    public void MetricValue_Override_WinsOverSuggestion()
    {
        var metric = new Metric { Name = "Residential Burglary" };
        var value = metric.AddValue(new FinancialQuarter(2020, 4), "Rolling Year Jan 21", 1270, 2121);
        value.Override(RagStatus.Amber, "Rise expected as lockdown eases");
        Assert.Equal(RagStatus.Amber, value.Rag(metric));
    }

    [Fact]
    public void Metric_HigherIsBetter_FallIsWorse()
    {
        var metric = new Metric { Name = "Reports to third-party centres", LowerIsBetter = false };
        Assert.Equal(RagStatus.Red, metric.Suggest(-40));
        Assert.Equal(RagStatus.Green, metric.Suggest(10));
    }
}
