using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// What is under review: a quarter, the Strategic Group meeting that reviews it and that meeting's papers
/// deadline (updates are due by it, late after it). <see cref="Meeting"/> is null when no meeting
/// reviewing the quarter is in the tracker: then there is no deadline, and nothing is late until a
/// later quarter is under review.
/// </summary>
public sealed record UnderReview(FinancialQuarter Quarter, StrategicGroupMeeting? Meeting, bool PastDeadline)
{
    public DateOnly? PapersDeadline => Meeting?.PapersDeadline;

    /// <summary>"Quarter Two 2026/27 for the Strategic Group on 10 December 2026: updates due by 3 December 2026".</summary>
    public string Sentence => Meeting is { } m
        ? $"{Quarter.Label} for the {m.Group} on {UkDates.Long(m.Date)}: updates {(PastDeadline ? "were" : "are")} due by {UkDates.Long(m.PapersDeadline)}"
        : $"{Quarter.Label}: no Strategic Group meeting to review it is scheduled yet, so there is no papers deadline";
}

/// <summary>
/// The one answer to "what is under review now", for My updates, the completeness board, the
/// dashboard, the reports' default quarter and the reminders. The quarter comes from the rule in
/// <see cref="FinancialQuarter.ReviewedBy"/> applied to the next Strategic Group meeting's papers
/// deadline. With no meeting scheduled, the quarter is the last one that ended before today (as if
/// papers were due today), with no deadline: nothing is late and the scheduled reminders wait for a
/// meeting, since an invented date would send leads to work to a deadline nobody set.
/// </summary>
public sealed class ReviewCycle(StrategicGroupCalendar calendar, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    /// <summary>The calendar quarter today falls in (updates for a later quarter are refused; it has not started).</summary>
    public FinancialQuarter CurrentQuarter => FinancialQuarter.Containing(Today);

    public async Task<UnderReview> NowAsync(CancellationToken ct = default)
    {
        var today = Today;
        return await calendar.UnderReviewAsync(today, ct) is { } meeting
            ? new UnderReview(FinancialQuarter.ReviewedBy(meeting.PapersDeadline), meeting, today > meeting.PapersDeadline)
            : new UnderReview(FinancialQuarter.ReviewedBy(today), null, false);
    }

    /// <summary>
    /// A chosen quarter (the board's quarter selector): the one under review now, or the first meeting
    /// that reviewed or will review it. Without such a meeting, earlier quarters count as late.
    /// </summary>
    public async Task<UnderReview> ForAsync(FinancialQuarter quarter, CancellationToken ct = default)
    {
        var now = await NowAsync(ct);
        if (quarter == now.Quarter) return now;
        return await calendar.ReviewingAsync(quarter, ct) is { } meeting
            ? new UnderReview(quarter, meeting, Today > meeting.PapersDeadline)
            : new UnderReview(quarter, null, quarter < now.Quarter);
    }
}
