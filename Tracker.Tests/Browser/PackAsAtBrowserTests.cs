using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>The meeting pack as at the papers deadline in the browser: the pack page, the previous minutes and the register as they stood, axe at both widths.</summary>
[Collection(MeetingsBrowserCollection.Name)]
public sealed class PackAsAtBrowserTests(BrowserFixture browser)
{
    static DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));

    /// <summary>
    /// A meeting in a few days whose papers deadline was two days ago: one sub-group report from the
    /// sample's set-up (so in the pack), one filed by the clerk now (after the deadline, so not).
    /// </summary>
    async Task<(int MeetingId, DateOnly Deadline, string InPack, string Late)> MeetingPastItsDeadlineAsync(int daysAhead)
    {
        var deadline = Today.AddDays(-2);
        var (meetingId, inPack, late) = await browser.App.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
            var subGroups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Name).Take(2).ToListAsync();
            var meeting = Meeting.Schedule(group, Today.AddDays(daysAhead), new TimeOnly(10, 0), "Bromley Civic Centre", deadline);
            meeting.AddAgendaItem("1", "Apologies for absence");
            meeting.AddAgendaItem("2", "Minutes of the previous meeting", paperLink: AgendaPlan.PreviousMinutesLink);
            meeting.AddAgendaItem("3", "Risk register", paperLink: "/risks");
            db.Meetings.Add(meeting);
            var report = new SubGroupReport { Meeting = meeting, SubGroupId = subGroups[0].Id, Author = "Rachel Dunley" };
            report.File(new SubGroupReportInput("Filed by the deadline.", "", "", ""), "Rachel Dunley", deadline, deadline, null);
            db.SubGroupReports.Add(report);
            await db.SaveChangesAsync();
            return (meeting.Id, subGroups[0].ShortName, subGroups[1]);
        });
        await using var scope = browser.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(browser.App, "admin"));
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var filedLate = new SubGroupReport { MeetingId = meetingId, SubGroupId = late.Id, Author = "Rob Vale" };
        filedLate.File(new SubGroupReportInput("Filed after the deadline.", "", "", ""), "Rob Vale", Today, deadline, null);
        db.SubGroupReports.Add(filedLate);
        await db.SaveChangesAsync();
        return (meetingId, deadline, inPack, late.ShortName);
    }

    public static TheoryData<int, int> Widths => new() { { 1280, 720 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Axe_PackAsAtPages_NoViolationsAndThePapersAsTheyStood(int width, int height)
    {
        var (meetingId, deadline, inPack, late) = await MeetingPastItsDeadlineAsync(40 + width % 7);
        var march = await browser.App.WithDbAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2019, 3, 14)).Select(m => m.Id).SingleAsync());
        var quarter = FinancialQuarter.ReviewedBy(deadline);

        var member = await browser.SignedInPageAsync("member", width, height);
        string[] pages =
        [
            $"/meetings/{meetingId}", $"/meetings/{march}/minutes/as-at/2019-06-11",
            $"/actions/report?year={quarter.Year}&quarter={quarter.Quarter}&asAt={deadline:yyyy-MM-dd}",
        ];
        foreach (var url in pages)
        {
            await member.OpenAsync(url);
            await member.AssertNoAxeViolationsAsync();
            await member.AssertNoSidewaysScrollAsync();
        }

        // The pack page: the report filed by the deadline is there; the late one is not, and says so.
        await member.OpenAsync($"/meetings/{meetingId}");
        await Assertions.Expect(member.Locator("[data-papers-as-at]")).ToContainTextAsync($"as at {UkDates.Long(deadline)}");
        await Assertions.Expect(member.Locator($"[data-subgroup='{inPack}']")).ToContainTextAsync("Filed by the deadline.");
        var lateSection = member.Locator($"[data-subgroup='{late}']");
        await Assertions.Expect(lateSection).ToContainTextAsync("Not filed by the papers deadline.");
        await Assertions.Expect(lateSection.Locator("[data-changed-after-deadline]")).ToBeVisibleAsync();
        await Assertions.Expect(lateSection).Not.ToContainTextAsync("Filed after the deadline.");

        // The previous minutes as they stood: March 2019's minutes in June 2019's pack.
        await member.OpenAsync($"/meetings/{march}/minutes/as-at/2019-06-11");
        await Assertions.Expect(member.Locator("[data-as-at]")).ToContainTextAsync("As at 11 June 2019, the papers deadline");
        await Assertions.Expect(member.Locator("tr[data-minute='64']")).ToBeVisibleAsync();

        // The register as it stood: the static print layout the pack links.
        await member.GotoAsync($"/risks/print?asAt={deadline:yyyy-MM-dd}");
        await Assertions.Expect(member.Locator("[data-as-at]")).ToContainTextAsync($"As at {UkDates.Long(deadline)}, the papers deadline");
        await member.AssertNoAxeViolationsAsync();
        await member.Context.CloseAsync();
    }
}
