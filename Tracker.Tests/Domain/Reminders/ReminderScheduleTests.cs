using Tracker.Domain.Reminders;

namespace Tracker.Tests.Domain.Reminders;

public sealed class ReminderScheduleTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2026-12-02", null)]   // 8 days before: not yet
    [InlineData("2026-12-03", 7)]      // 7 days before
    [InlineData("2026-12-05", 7)]      // a missed day is caught up, as the same occasion
    [InlineData("2026-12-08", 2)]      // 2 days before
    [InlineData("2026-12-10", 2)]      // on the deadline
    [InlineData("2026-12-11", null)]   // after the deadline: nothing
    public void LeadOccasion_SevenAndTwoDaysBefore(string today, int? expected) =>
        Assert.Equal(expected, ReminderSchedule.LeadOccasion(DateOnly.Parse(today), new DateOnly(2026, 12, 10), [7, 2]));

    [Fact]
    public void RiskReview_DueWithinFourteenDaysOrOverdue()
    {
        var today = new DateOnly(2026, 11, 30);
        Assert.True(ReminderSchedule.IsRiskReviewDue(today.AddDays(14), today));
        Assert.False(ReminderSchedule.IsRiskReviewDue(today.AddDays(15), today));
        Assert.True(ReminderSchedule.IsRiskReviewDue(today.AddDays(-30), today));
        Assert.False(ReminderSchedule.IsRiskReviewDue(null, today));
        Assert.Equal("due:2026-12-10", ReminderSchedule.RiskOccasion(new DateOnly(2026, 12, 10), today));
        Assert.Equal("overdue:2026-11-01", ReminderSchedule.RiskOccasion(new DateOnly(2026, 11, 1), today));
    }

    [Fact]
    public void DigestOccasion_IsoWeekFromTheDigestDay()
    {
        // Monday 30 November 2026 is in ISO week 49.
        Assert.Equal("2026-W49", ReminderSchedule.DigestOccasion(new DateOnly(2026, 11, 30), DayOfWeek.Monday));
        Assert.Equal("2026-W49", ReminderSchedule.DigestOccasion(new DateOnly(2026, 12, 6), DayOfWeek.Monday));
        Assert.Null(ReminderSchedule.DigestOccasion(new DateOnly(2026, 12, 1), DayOfWeek.Friday));
        Assert.Equal("2026-W49", ReminderSchedule.DigestOccasion(new DateOnly(2026, 12, 4), DayOfWeek.Friday));
    }

    [Fact]
    public void NextDailyRun_LondonTime_InWinterAndSummer()
    {
        // Winter: 07:00 London is 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero),
            ReminderSchedule.NextDailyRun(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), new TimeOnly(7, 0), London).ToUniversalTime());
        // Summer: 07:00 London is 06:00 UTC; before it today, it is today.
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero),
            ReminderSchedule.NextDailyRun(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero), new TimeOnly(7, 0), London).ToUniversalTime());
    }

    [Fact]
    public void RetryDelay_BacksOff()
    {
        var delays = Enumerable.Range(1, 6).Select(ReminderSchedule.RetryDelay).ToList();
        Assert.Equal(delays.OrderBy(d => d), delays);
        Assert.Equal(TimeSpan.FromMinutes(1), delays[0]);
    }
}
