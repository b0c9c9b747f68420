using System.Globalization;

namespace Tracker.Domain.Reminders;

/// <summary>
/// When reminders fall due. Pure rules over dates, so the background service, the command line and
/// the clerk's Chase button all agree.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>Days before the papers deadline that leads are reminded, by default.</summary>
    public static readonly IReadOnlyList<int> DefaultLeadDays = [7, 2];

    /// <summary>A risk's review is reminded this many days ahead.</summary>
    public const int RiskReviewDays = 14;

    /// <summary>
    /// Which of the "days before the deadline" reminders is due today: the nearest to the deadline whose
    /// day has come (so a missed day is caught up, and each is sent once). Null before the first and
    /// after the deadline.
    /// </summary>
    public static int? LeadOccasion(DateOnly today, DateOnly papersDeadline, IEnumerable<int> daysBefore)
    {
        if (today > papersDeadline) return null;
        var passed = daysBefore.Where(d => d >= 0 && today >= papersDeadline.AddDays(-d)).ToList();
        return passed.Count == 0 ? null : passed.Min();
    }

    /// <summary>A review is reminded when due within <see cref="RiskReviewDays"/> days, or overdue.</summary>
    public static bool IsRiskReviewDue(DateOnly? nextReview, DateOnly today) =>
        nextReview is { } due && due <= today.AddDays(RiskReviewDays);

    /// <summary>"due:2026-12-10" before the date, "overdue:2026-12-10" after it: at most one of each per review date.</summary>
    public static string RiskOccasion(DateOnly due, DateOnly today) =>
        (due < today ? "overdue:" : "due:") + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The digest's occasion: the ISO week ("2026-W49"), sent on the digest day or later that week.</summary>
    public static string? DigestOccasion(DateOnly today, DayOfWeek digestDay)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var sendFrom = monday.AddDays(((int)digestDay + 6) % 7);
        if (today < sendFrom) return null;
        var dt = today.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }

    /// <summary>How long to wait before retrying a failed send: 1, 5, 30 minutes, then 2 and 6 hours.</summary>
    public static TimeSpan RetryDelay(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(2),
        _ => TimeSpan.FromHours(6),
    };

    /// <summary>A send that failed this many times is given up and left for an administrator.</summary>
    public const int MaxAttempts = 6;

    /// <summary>The next daily run at <paramref name="londonTime"/> (UK local time, summer time included) after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextDailyRun(DateTimeOffset now, TimeOnly londonTime, TimeZoneInfo london)
    {
        var local = TimeZoneInfo.ConvertTime(now, london);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 3; i++)
        {
            var candidate = day.AddDays(i).ToDateTime(londonTime, DateTimeKind.Unspecified);
            if (london.IsInvalidTime(candidate)) candidate = candidate.AddHours(1);
            var at = new DateTimeOffset(candidate, london.GetUtcOffset(candidate));
            if (at > now) return at;
        }
        return now.AddDays(1);
    }
}
