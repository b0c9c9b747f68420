using System.Globalization;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>When the quarter's updates are due, where that date comes from, and the meeting it is for (if any).</summary>
public sealed record PapersDeadline(DateOnly Date, string Source, StrategicGroupMeeting? Meeting = null)
{
    /// <summary>"Papers for the Strategic Group on 10 December 2026 are due by 3 December 2026", when a meeting sets it.</summary>
    public string? MeetingSentence => Meeting is { } m
        ? $"Papers for the {m.Group} on {UkDates.Long(m.Date)} are due by {UkDates.Long(Date)}"
        : null;
}

/// <summary>
/// The papers deadline is that of the Strategic Group meeting the quarter's updates go to (the
/// meeting's own deadline, by default 7 days before it). For the current quarter that is the next
/// meeting from today; for another quarter, the first meeting once it began (for an earlier quarter,
/// no later than the end of the quarter after it). Only when there is no such meeting does the date
/// come from configuration: <c>Strategy:PapersDeadline</c>, or <c>Strategy:NextMeetingDate</c> less
/// 7 days; failing both, 7 days before the quarter ends.
/// </summary>
public sealed class PapersDeadlines(IConfiguration configuration, TimeProvider clock, StrategicGroupCalendar calendar)
{
    public const int DaysBeforeMeeting = 7;

    public DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    public FinancialQuarter CurrentQuarter => FinancialQuarter.Containing(Today);

    public async Task<PapersDeadline> ForAsync(FinancialQuarter quarter, CancellationToken ct = default)
    {
        var current = CurrentQuarter;
        var from = quarter == current ? Today : quarter.Start;
        DateOnly? until = quarter < current ? quarter.Next.End : null;
        if (await calendar.NextOnOrAfterAsync(from, until, ct) is { } meeting)
            return new(meeting.PapersDeadline, $"the papers deadline of the {meeting.Title}", meeting);
        return Configured(quarter);
    }

    PapersDeadline Configured(FinancialQuarter quarter)
    {
        if (Parse("Strategy:PapersDeadline") is { } deadline && FinancialQuarter.Containing(deadline) >= quarter)
            return new(deadline, "set in the tracker's configuration, as no Strategic Group meeting is scheduled");
        if (Parse("Strategy:NextMeetingDate") is { } meeting && FinancialQuarter.Containing(meeting) >= quarter)
            return new(meeting.AddDays(-DaysBeforeMeeting),
                $"{DaysBeforeMeeting} days before the next Strategic Group meeting on {UkDates.Long(meeting)}, set in the tracker's configuration as no meeting is scheduled");
        return new(quarter.End.AddDays(-DaysBeforeMeeting),
            $"{DaysBeforeMeeting} days before the end of the quarter, as no Strategic Group meeting is scheduled");
    }

    DateOnly? Parse(string key) =>
        DateOnly.TryParse(configuration[key], CultureInfo.InvariantCulture, out var date) ? date
        : UkDates.TryParseShort(configuration[key], out var uk) ? uk : null;
}
