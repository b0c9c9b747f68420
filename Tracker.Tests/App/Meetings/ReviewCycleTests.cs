using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Tests.App.Reminders;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Meetings;

/// <summary>
/// "What is under review now": the quarter the next Strategic Group meeting reviews (the last quarter
/// that ended before its papers deadline), that meeting and its deadline. Each test works in its own
/// years, far beyond the sample meetings, with meetings it schedules itself.
/// </summary>
public sealed class ReviewCycleTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>, IAsyncDisposable
{
    readonly MovableClock _clock = new();
    readonly AsyncServiceScope _scope = app.Services.CreateAsyncScope();

    ReviewCycle Cycle => new(new StrategicGroupCalendar(_scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>()), _clock);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    Task<int> ScheduleAsync(DateOnly date, DateOnly? papersDeadline = null, MeetingStatus status = MeetingStatus.Scheduled) => app.WithDbAsync(async db =>
    {
        var group = await db.Groups.FirstAsync(g => g.Kind == GroupKind.StrategicGroup);
        var meeting = Meeting.Schedule(group, date, new TimeOnly(10, 0), "Civic Centre", papersDeadline);
        meeting.TryAdvance(status);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Fact]
    public async Task NowAsync_NextMeetingScheduled_QuarterItsPapersDeadlineReviews()
    {
        var id = await ScheduleAsync(D("2035-12-10"));
        _clock.SetLondonDay(D("2035-11-30"));

        var review = await Cycle.NowAsync();

        Assert.Equal(new FinancialQuarter(2035, 2), review.Quarter);
        Assert.Equal(id, review.Meeting!.Id);
        Assert.Equal(D("2035-12-03"), review.PapersDeadline);
        Assert.False(review.PastDeadline);
        Assert.Equal("Quarter Two 2035/36 for the Strategic Group on 10 December 2035: updates are due by 3 December 2035", review.Sentence);
    }

    [Fact]
    public async Task NowAsync_DeadlineOnTheFirstDayOfAQuarter_TheQuarterJustEnded()
    {
        // Today (20 December) is in Quarter Three, but the papers are due on 1 January: Quarter Three has ended by then.
        await ScheduleAsync(D("2037-01-08"), D("2037-01-01"));
        _clock.SetLondonDay(D("2036-12-20"));

        var review = await Cycle.NowAsync();

        Assert.Equal(new FinancialQuarter(2036, 3), review.Quarter);
        Assert.Equal(D("2037-01-01"), review.PapersDeadline);
    }

    [Fact]
    public async Task NowAsync_DeadlinePassedMeetingNotYetHeld_StillThatMeetingAndLate()
    {
        var first = await ScheduleAsync(D("2038-12-10"));
        await ScheduleAsync(D("2039-03-11"));
        _clock.SetLondonDay(D("2038-12-05"));

        var review = await Cycle.NowAsync();

        Assert.Equal(first, review.Meeting!.Id);
        Assert.Equal(new FinancialQuarter(2038, 2), review.Quarter);
        Assert.True(review.PastDeadline);
        Assert.EndsWith("updates were due by 3 December 2038", review.Sentence);
    }

    [Fact]
    public async Task NowAsync_AfterTheMeeting_TheNextMeetingsQuarter()
    {
        await ScheduleAsync(D("2040-12-10"));
        var next = await ScheduleAsync(D("2041-03-11"));
        _clock.SetLondonDay(D("2040-12-11"));

        var review = await Cycle.NowAsync();

        Assert.Equal(next, review.Meeting!.Id);
        Assert.Equal(new FinancialQuarter(2040, 3), review.Quarter);
        Assert.False(review.PastDeadline);
    }

    [Fact]
    public async Task NowAsync_MeetingHeldEarlyOnItsDay_TheNextMeeting()
    {
        await ScheduleAsync(D("2042-12-10"), status: MeetingStatus.Held);
        var next = await ScheduleAsync(D("2043-03-11"));
        _clock.SetLondonDay(D("2042-12-10"));

        Assert.Equal(next, (await Cycle.NowAsync()).Meeting!.Id);
    }

    [Fact]
    public async Task NowAsync_NoMeetingScheduled_LastQuarterEndedAndNoDeadline()
    {
        _clock.SetLondonDay(D("2060-05-10"));

        var review = await Cycle.NowAsync();

        Assert.Equal(new FinancialQuarter(2059, 4), review.Quarter);
        Assert.Null(review.Meeting);
        Assert.Null(review.PapersDeadline);
        Assert.False(review.PastDeadline);
        Assert.Equal("Quarter Four 2059/60: no Strategic Group meeting to review it is scheduled yet, so there is no papers deadline", review.Sentence);
    }

    [Fact]
    public async Task ForAsync_EarlierQuarter_TheMeetingThatReviewedItAndLate()
    {
        var reviewed = await ScheduleAsync(D("2044-09-10"));
        await ScheduleAsync(D("2044-12-10"));
        _clock.SetLondonDay(D("2044-11-30"));

        var earlier = await Cycle.ForAsync(new FinancialQuarter(2044, 1));
        var unreviewed = await Cycle.ForAsync(new FinancialQuarter(2043, 2));

        Assert.Equal(reviewed, earlier.Meeting!.Id);
        Assert.True(earlier.PastDeadline);
        Assert.Null(unreviewed.Meeting);
        Assert.True(unreviewed.PastDeadline);
    }
}
