using Tracker.Domain.Common;

namespace Tracker.Tests.Domain;

public sealed class UkDatesTests
{
    [Fact]
    public void LongWithTime_SummerTime_ShowsLondonTime() =>
        Assert.Equal("20 June 2019 at 10:00", UkDates.LongWithTime(new DateTimeOffset(2019, 6, 20, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Short_IsDayMonthYear() => Assert.Equal("05/04/2024", UkDates.Short(new DateOnly(2024, 4, 5)));

    [Theory]
    [InlineData("31/03/2024")]
    [InlineData("2024-03-31")]
    public void TryParseShort_AcceptsRegisterAndIsoForms(string text)
    {
        Assert.True(UkDates.TryParseShort(text, out var date));
        Assert.Equal(new DateOnly(2024, 3, 31), date);
    }

    [Fact]
    public void TryParseShort_RejectsAmericanOrder() => Assert.False(UkDates.TryParseShort("03/31/2024", out _));
}
