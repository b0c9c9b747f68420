using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Meetings;

/// <summary>A meeting's pack links to the papers as they stood for that meeting, and the sample's current cycle.</summary>
public sealed class MeetingPackLinksTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    static DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));

    Task<List<(int Id, DateOnly Date, MeetingStatus Status)>> CurrentCycleAsync() => app.WithDbAsync(async db =>
        (await db.Meetings.Where(m => m.Group!.Kind == GroupKind.StrategicGroup && m.Date.Year >= 2025).OrderBy(m => m.Date)
            .Select(m => new { m.Id, m.Date, m.Status }).ToListAsync()).Select(m => (m.Id, m.Date, m.Status)).ToList());

    [Fact]
    public async Task SampleData_CurrentCycle_HeldMeetingAboutTwoMonthsAgoAndNextScheduledAboutThreeWeeksAhead()
    {
        var cycle = await CurrentCycleAsync();
        Assert.Equal(2, cycle.Count);
        var (last, next) = (cycle[0], cycle[1]);
        Assert.Equal(MeetingStatus.Held, last.Status);
        Assert.InRange(Today.DayNumber - last.Date.DayNumber, 55, 70);
        Assert.Equal(MeetingStatus.Scheduled, next.Status);
        Assert.InRange(next.Date.DayNumber - Today.DayNumber, 14, 28);
        // The historical meetings are all still there.
        foreach (var date in new[] { new DateOnly(2016, 9, 15), new DateOnly(2019, 3, 14), new DateOnly(2019, 6, 20), new DateOnly(2024, 5, 23) })
            Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.Date == date)));

        var member = await app.SignInAsync("member");
        var pack = await member.GetPageAsync($"/meetings/{next.Id}");
        var agenda = pack.QuerySelectorAll("[data-agenda] tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent.Trim()).ToArray();
        Assert.Equal(["Apologies for absence", "Minutes of the previous meeting", "Matters arising", "SBP Strategy quarterly update",
            "Crime update", "Reports from sub-groups", "Risk register"], agenda);
    }

    [Fact]
    public async Task Get_NextMeetingPack_PapersAsTheyStoodForThatMeeting()
    {
        var cycle = await CurrentCycleAsync();
        var (last, next) = (cycle[0], cycle[1]);
        // The quarter the meeting reviews: the last that ended before its papers deadline.
        var reviewed = await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == next.Id).Select(m => m.PapersDeadline).SingleAsync()) is var deadline
            ? FinancialQuarter.ReviewedBy(deadline) : default;
        var member = await app.SignInAsync("member");
        var pack = await member.GetPageAsync($"/meetings/{next.Id}");

        var report = pack.QuerySelector("[data-pack-link=progress-report] a")!;
        // As at the meeting's papers deadline (a week before it, by default).
        var asAt = next.Date.AddDays(-7);
        Assert.Equal($"/actions/report?year={reviewed.Year}&quarter={reviewed.Quarter}&asAt={asAt:yyyy-MM-dd}", report.GetAttribute("href"));
        Assert.Contains($"as at {UkDates.Long(asAt)}", pack.QuerySelector("[data-papers-as-at]")!.TextContent);
        Assert.Contains(reviewed.Label, report.TextContent);
        // The register as it stood at the deadline: the Risk Log's print layout (the live register is /risks).
        var register = $"/risks/print?since={last.Date:yyyy-MM-dd}&asAt={asAt:yyyy-MM-dd}";
        Assert.Equal(register, pack.QuerySelector("[data-pack-link=risk-register] a")!.GetAttribute("href"));
        Assert.Contains($"since the previous meeting on {UkDates.Long(last.Date)}", pack.QuerySelector("[data-pack-link=risk-register]")!.TextContent);
        Assert.Equal($"/meetings/{next.Id}/matters-arising", pack.QuerySelector("[data-pack-link=matters-arising] a")!.GetAttribute("href"));
        // The agenda's papers point at the same versions.
        Assert.NotNull(pack.QuerySelector($"[data-agenda] a[href='/actions/report?year={reviewed.Year}&quarter={reviewed.Quarter}&asAt={asAt:yyyy-MM-dd}']"));
        Assert.NotNull(pack.QuerySelector($"[data-agenda] a[href='{register}']"));
        Assert.NotNull(pack.QuerySelector($"[data-agenda] a[href='/meetings/{last.Id}/minutes/as-at/{asAt:yyyy-MM-dd}']"));
        Assert.Equal($"/meetings/{last.Id}/minutes/as-at/{asAt:yyyy-MM-dd}", pack.QuerySelector("[data-pack-link=previous-minutes] a")!.GetAttribute("href"));

        // Each link opens a page with that meeting's content: the quarter's updates, the register since the last meeting,
        // and the matters arising from the last meeting with the demo lead's update.
        var reportPage = await member.GetPageAsync(report.GetAttribute("href")!);
        Assert.Contains("The consultation closed with 212 responses", reportPage.QuerySelector("[data-report-action='3.1']")!.TextContent);
        Assert.Contains($"{reviewed.Label}: action updates due by", pack.QuerySelector("[data-quarter-under-review]")!.TextContent);
        var risks = await member.GetPageAsync($"/risks?since={last.Date:yyyy-MM-dd}");
        Assert.Contains($"the Strategic Group meeting on {UkDates.Long(last.Date)}, the date chosen", risks.QuerySelector("[data-since]")!.TextContent);
        var matters = await member.GetPageAsync($"/meetings/{next.Id}/matters-arising");
        var pspo = matters.QuerySelectorAll("tr[data-minute]").First(r => r.TextContent.Contains("outcome of the PSPO consultation"));
        Assert.Contains("212 responses", pspo.TextContent);
        Assert.Contains(matters.QuerySelectorAll("tr[data-minute]"), r => r.TextContent.Contains("hotspot map") && r.TextContent.Contains("Closed"));
    }
}
