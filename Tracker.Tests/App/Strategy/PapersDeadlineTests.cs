using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>"My updates" and the completeness board work to the quarter the next Strategic Group meeting reviews, by its papers deadline.</summary>
public sealed class PapersDeadlineTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    static DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));

    Task<(int Id, DateOnly Date, DateOnly PapersDeadline)> NextMeetingAsync() => app.WithDbAsync(async db =>
    {
        var m = await db.Meetings.Where(m => m.Group!.Kind == GroupKind.StrategicGroup && m.Date >= Today)
            .OrderBy(m => m.Date).Select(m => new { m.Id, m.Date, m.PapersDeadline }).FirstAsync();
        return (m.Id, m.Date, m.PapersDeadline);
    });

    static string Sentence((int Id, DateOnly Date, DateOnly PapersDeadline) next, string verb = "are") =>
        $"{FinancialQuarter.ReviewedBy(next.PapersDeadline).Label} for the Strategic Group on {UkDates.Long(next.Date)}: updates {verb} due by {UkDates.Long(next.PapersDeadline)}.";

    [Fact]
    public async Task MyUpdates_NextStrategicGroupMeetingScheduled_ItsQuarterAndPapersDeadline()
    {
        var next = await NextMeetingAsync();
        // The sample cycle's next meeting is about three weeks ahead, with the default deadline a week before it.
        Assert.InRange(next.Date.DayNumber - Today.DayNumber, 14, 28);
        Assert.Equal(next.Date.AddDays(-Meeting.DefaultPapersDeadlineDays), next.PapersDeadline);

        var lead = await app.SignInAsync("lead");
        var page = await lead.GetPageAsync("/actions/my");
        var deadline = page.QuerySelector("[data-deadline]")!;
        Assert.Contains(Sentence(next), deadline.TextContent);
        // Not the quarter today falls in: the one the meeting reviews.
        Assert.Contains(FinancialQuarter.ReviewedBy(next.PapersDeadline).Label, page.QuerySelector(".caption")!.TextContent);
        Assert.NotNull(deadline.QuerySelector($"a[href='/meetings/{next.Id}']"));
    }

    [Fact]
    public async Task MyUpdates_SampleData_SomeOfTheLeadsActionsUpdatedThisQuarterAndSomeOutstanding()
    {
        var lead = await app.SignInAsync("lead");
        var page = await lead.GetPageAsync("/actions/my");
        var rows = page.QuerySelectorAll("[data-my-action]").ToList();
        Assert.Contains(rows, r => r.TextContent.Contains("Not updated"));
        Assert.Contains(rows, r => r.TextContent.Contains("Updated") && !r.TextContent.Contains("Not updated"));
    }

    [Fact]
    public async Task Completeness_BeforeTheDeadline_OutstandingNotLateAndNamesTheMeeting()
    {
        var next = await NextMeetingAsync();
        var chair = await app.SignInAsync("chair");
        var page = await chair.GetPageAsync("/actions/completeness");
        Assert.Contains(Sentence(next), page.QuerySelector("[data-deadline]")!.TextContent);
        var (updated, outstanding, late) = Totals(page);
        Assert.True(updated > 0, "some actions are updated this quarter");
        Assert.True(outstanding > 0, "some actions are outstanding");
        Assert.Equal(0, late);
    }

    [Fact]
    public async Task Completeness_MeetingsPapersDeadlinePassed_OutstandingCountedLate()
    {
        var next = await NextMeetingAsync();
        // The clerk brings the papers deadline forward to yesterday: anything not updated is now late.
        await SetPapersDeadlineAsync(next.Id, Today.AddDays(-1));
        try
        {
            var chair = await app.SignInAsync("chair");
            var page = await chair.GetPageAsync("/actions/completeness");
            Assert.Contains(Sentence((next.Id, next.Date, Today.AddDays(-1)), "were"), page.QuerySelector("[data-deadline]")!.TextContent);
            var (updated, outstanding, late) = Totals(page);
            Assert.True(updated > 0);
            Assert.Equal(0, outstanding);
            Assert.True(late > 0, "actions not updated by the meeting's deadline are late");
        }
        finally
        {
            await SetPapersDeadlineAsync(next.Id, next.PapersDeadline);
        }
    }

    /// <summary>Saved as the clerk's edit saves it (through SaveChanges, so the change feed and the app's caches hear of it).</summary>
    Task<int> SetPapersDeadlineAsync(int meetingId, DateOnly deadline) =>
        app.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            meeting.PapersDeadline = deadline;
            return await db.SaveChangesAsync();
        });

    /// <summary>Updated, outstanding and late summed over the "By sub-group" table.</summary>
    static (int Updated, int Outstanding, int Late) Totals(AngleSharp.Dom.IDocument page)
    {
        var table = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.Contains("By sub-group"));
        var cells = table.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent)).ToArray()).ToList();
        return (cells.Sum(c => c[0]), cells.Sum(c => c[1]), cells.Sum(c => c[2]));
    }
}

/// <summary>With no future Strategic Group meeting in the tracker, the last quarter that ended is asked for, with no deadline.</summary>
public sealed class PapersDeadlineFallbackTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task MyUpdates_NoFutureStrategicGroupMeeting_LastQuarterEndedAndNoDeadline()
    {
        var today = DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));
        // Move every future Strategic Group meeting to a sub-group: none is left ahead.
        await app.WithDbAsync(async db =>
        {
            var subGroup = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).Select(g => g.Id).FirstAsync();
            // Through SaveChanges, as an edit would, so the change feed and the app's caches hear of it.
            foreach (var meeting in await db.Meetings.Where(m => m.Group!.Kind == GroupKind.StrategicGroup && m.Date >= today).ToListAsync())
                meeting.GroupId = subGroup;
            return await db.SaveChangesAsync();
        });

        var lead = await app.SignInAsync("lead");
        var deadline = (await lead.GetPageAsync("/actions/my")).QuerySelector("[data-deadline]")!.TextContent;
        Assert.Contains($"{FinancialQuarter.Containing(today).Previous.Label}: no Strategic Group meeting to review it is scheduled yet, so there is no papers deadline.", deadline);
        Assert.DoesNotContain("due by", deadline);
    }
}
