using Tracker.Domain.Strategy;

namespace Tracker.Tests.Domain.Strategy;

/// <summary>Which strategy a quarter belongs to: the current strategy is the one for the quarter under review.</summary>
public sealed class StrategyPeriodTests
{
    static readonly StrategyPeriod History = new(1, 2020, 2022, false), Current = new(2, 2024, 2026, false);

    [Theory]
    [InlineData(2026, 2, 2)]   // the quarter under review on 30 November 2026: the 2024–27 strategy
    [InlineData(2024, 1, 2)]   // its first quarter
    [InlineData(2020, 4, 1)]   // Quarter Four 2020/21: the 2020–23 strategy, kept as history
    [InlineData(2023, 3, 1)]   // between the two: the 2020–23 strategy ran on until the next one started
    [InlineData(2027, 1, 2)]   // after the last one ends, until a new one is added
    [InlineData(2019, 1, 1)]   // before any began: the first
    public void For_Quarter_TheStrategyWhoseYearsCoverIt(int year, int quarter, int expected) =>
        Assert.Equal(expected, StrategyPeriod.For([History, Current], new FinancialQuarter(year, quarter)));

    [Fact]
    public void For_RetiredStrategy_NeverCurrent() =>
        Assert.Equal(1, StrategyPeriod.For([History, Current with { IsRetired = true }], new FinancialQuarter(2026, 2)));

    [Fact]
    public void For_TwoCoverTheQuarter_TheLaterToStart() =>
        Assert.Equal(3, StrategyPeriod.For([History, Current, new(3, 2025, 2027, false)], new FinancialQuarter(2026, 2)));

    [Fact]
    public void For_NoStrategies_Null() => Assert.Null(StrategyPeriod.For([], new FinancialQuarter(2026, 2)));
}
