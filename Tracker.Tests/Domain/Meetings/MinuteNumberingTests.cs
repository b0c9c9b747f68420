using Tracker.Domain.Meetings;

namespace Tracker.Tests.Domain.Meetings;

public sealed class MinuteNumberingTests
{
    static List<MinuteNumber> March2019 =>
        [.. Enumerable.Range(57, 19).Select(n => new MinuteNumber(n)), new(68, "a"), new(68, "b"), new(68, "c")];

    [Fact]
    public void Next_AfterMarch2019_ContinuesAt76()
    {
        Assert.Equal(new MinuteNumber(76), MinuteNumbering.Next(March2019));
    }

    [Fact]
    public void Next_EmptySeries_StartsAtOne()
    {
        Assert.Equal("1", MinuteNumbering.Next([]).ToString());
    }

    [Fact]
    public void Next_ClerkRestarts_UsesRestartNumber()
    {
        Assert.Equal(new MinuteNumber(101), MinuteNumbering.Next(March2019, restartAt: 101));
    }

    [Fact]
    public void NextSubItem_AfterC_IsD()
    {
        Assert.Equal("68d", MinuteNumbering.NextSubItem(March2019, 68).ToString());
        Assert.Equal("70a", MinuteNumbering.NextSubItem(March2019, 70).ToString());
    }

    [Fact]
    public void Check_UsedNumber_Refused()
    {
        Assert.Equal("Minute 68b has already been used. Enter a different number", MinuteNumbering.Check(MinuteNumber.Parse("68B"), March2019));
        Assert.Null(MinuteNumbering.Check(MinuteNumber.Parse("68d"), March2019));
        Assert.Null(MinuteNumbering.Check(new MinuteNumber(76), March2019));
    }

    [Theory]
    [InlineData("68a", 68, "a")]
    [InlineData(" 101 ", 101, "")]
    public void TryParse_Valid_ReadsNumberAndSuffix(string text, int number, string suffix)
    {
        Assert.True(MinuteNumber.TryParse(text, out var parsed));
        Assert.Equal(new MinuteNumber(number, suffix), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a68")]
    [InlineData("68ab")]
    [InlineData("0")]
    public void TryParse_Invalid_False(string text) => Assert.False(MinuteNumber.TryParse(text, out _));

    [Fact]
    public void CompareTo_SubItemsSortAfterTheirItem()
    {
        var sorted = new[] { "69", "68b", "68", "68a", "57" }.Select(MinuteNumber.Parse).Order().Select(n => n.ToString());
        Assert.Equal(["57", "68", "68a", "68b", "69"], sorted);
    }
}
