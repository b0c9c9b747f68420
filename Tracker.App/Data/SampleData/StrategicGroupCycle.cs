namespace Tracker.App.Data.SampleData;

/// <summary>
/// The sample partnership's current cycle of Strategic Group meetings, worked out from the clock when
/// the data is seeded so that the first run is meaningful on any day: the last meeting was held about
/// two months ago and the next is about three weeks ahead, both on a Thursday as the Group meets.
/// The meetings, the risks' reassessments and the strategy's updates all take their dates from here,
/// so "since the last meeting" and "due by the papers deadline" line up across the areas.
/// </summary>
public sealed record StrategicGroupCycle(DateOnly Today, DateOnly Last, DateOnly Next)
{
    public static StrategicGroupCycle For(DateOnly today) =>
        new(today, OnOrBefore(today.AddMonths(-2), DayOfWeek.Thursday), OnOrAfter(today.AddDays(18), DayOfWeek.Thursday));

    /// <summary>Quarterly meetings going back: 1 is the last meeting, 2 the one before (three months earlier), and so on.</summary>
    public DateOnly MeetingsAgo(int n) => n <= 1 ? Last : Last.AddMonths(-3 * (n - 1));

    static DateOnly OnOrBefore(DateOnly date, DayOfWeek day) => date.AddDays(-(((int)date.DayOfWeek - (int)day + 7) % 7));
    static DateOnly OnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
