using System.Globalization;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>When the quarter's updates are due, and where that date comes from.</summary>
public sealed record PapersDeadline(DateOnly Date, string Source);

/// <summary>
/// The papers deadline is 7 days before the next Strategic Group meeting. Meetings are not yet
/// held in the tracker, so the date comes from configuration: <c>Strategy:PapersDeadline</c>, or
/// <c>Strategy:NextMeetingDate</c> less 7 days; failing both, 7 days before the quarter ends.
/// </summary>
public sealed class PapersDeadlines(IConfiguration configuration, TimeProvider clock)
{
    public const int DaysBeforeMeeting = 7;

    public DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    public FinancialQuarter CurrentQuarter => FinancialQuarter.Containing(Today);

    public PapersDeadline For(FinancialQuarter quarter)
    {
        if (Parse("Strategy:PapersDeadline") is { } deadline && FinancialQuarter.Containing(deadline) >= quarter)
            return new(deadline, "set in the tracker's configuration until meetings are scheduled in the tracker");
        if (Parse("Strategy:NextMeetingDate") is { } meeting && FinancialQuarter.Containing(meeting) >= quarter)
            return new(meeting.AddDays(-DaysBeforeMeeting),
                $"{DaysBeforeMeeting} days before the next Strategic Group meeting on {UkDates.Long(meeting)}");
        return new(quarter.End.AddDays(-DaysBeforeMeeting),
            $"{DaysBeforeMeeting} days before the end of the quarter, as no meeting date has been set yet");
    }

    DateOnly? Parse(string key) =>
        DateOnly.TryParse(configuration[key], CultureInfo.InvariantCulture, out var date) ? date
        : UkDates.TryParseShort(configuration[key], out var uk) ? uk : null;
}
