using Tracker.Domain.Strategy;

namespace Tracker.Tests.Domain.Strategy;

public sealed class FinancialQuarterTests
{
    [Fact]
    public void Label_Quarter4Of2020_IsQuarterFour2020To21()
    {
        var q = new FinancialQuarter(2020, 4);
        Assert.Equal("Quarter Four 2020/21", q.Label);
        Assert.Equal("2020/21 Q4", q.ShortLabel);
        Assert.Equal(new DateOnly(2021, 1, 1), q.Start);
        Assert.Equal(new DateOnly(2021, 3, 31), q.End);
    }

    [Theory]
    [InlineData(2020, 4, 1, 2020, 1, "Quarter One 2020/21")]
    [InlineData(2020, 6, 30, 2020, 1, "Quarter One 2020/21")]
    [InlineData(2020, 7, 1, 2020, 2, "Quarter Two 2020/21")]
    [InlineData(2020, 12, 31, 2020, 3, "Quarter Three 2020/21")]
    [InlineData(2021, 2, 15, 2020, 4, "Quarter Four 2020/21")]
    [InlineData(2024, 3, 31, 2023, 4, "Quarter Four 2023/24")]
    [InlineData(1999, 12, 1, 1999, 3, "Quarter Three 1999/00")]
    public void Containing_Date_FinancialQuarter(int y, int m, int d, int year, int quarter, string label)
    {
        var q = FinancialQuarter.Containing(new DateOnly(y, m, d));
        Assert.Equal(new FinancialQuarter(year, quarter), q);
        Assert.Equal(label, q.Label);
    }

    [Fact]
    public void NextAndPrevious_CrossTheFinancialYear()
    {
        Assert.Equal(new FinancialQuarter(2021, 1), new FinancialQuarter(2020, 4).Next);
        Assert.Equal(new FinancialQuarter(2019, 4), new FinancialQuarter(2020, 1).Previous);
        Assert.Equal(new FinancialQuarter(2020, 3), new FinancialQuarter(2020, 4).Previous);
    }

    [Fact]
    public void Range_FromQ3ToNextQ2_FourQuartersInOrder()
    {
        var range = FinancialQuarter.Range(new(2020, 3), new(2021, 2)).Select(q => q.ShortLabel);
        Assert.Equal(["2020/21 Q3", "2020/21 Q4", "2021/22 Q1", "2021/22 Q2"], range);
    }

    [Fact]
    public void Constructor_QuarterFive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialQuarter(2020, 5));

    [Fact]
    public void TryCreate_MissingQuarter_False() =>
        Assert.False(FinancialQuarter.TryCreate(2020, null, out _));

    [Theory]
    // 001's forward plan: the meeting of 29 February 2024 (papers 22 February) reviews Q3 2023/24, October–December.
    [InlineData("2024-02-22", 2023, 3)]
    // A deadline on the first day of a quarter: the quarter just ended is under review.
    [InlineData("2026-10-01", 2026, 2)]
    [InlineData("2026-12-03", 2026, 2)]
    // A deadline on the last day of a quarter: that quarter has not ended before it.
    [InlineData("2026-12-31", 2026, 2)]
    [InlineData("2027-01-01", 2026, 3)]
    [InlineData("2026-04-15", 2025, 4)]
    public void ReviewedBy_LastQuarterEndedBeforeTheDeadline(string deadline, int year, int quarter) =>
        Assert.Equal(new FinancialQuarter(year, quarter), FinancialQuarter.ReviewedBy(DateOnly.Parse(deadline)));
}
