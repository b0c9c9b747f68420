using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

public sealed class MattersArisingTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<IRenderedComponent<MatterPage>> OpenMatterAsync(string account, int matterId)
    {
        await SignInAsAsync(account);
        var cut = Render<MatterPage>(p => p.Add(c => c.Id, matterId));
        cut.WaitForElement("[data-matter-summary]");
        return cut;
    }

    /// <summary>The form holding the given field (the matter page has one per task).</summary>
    static AngleSharp.Dom.IElement FormOf(IRenderedComponent<MatterPage> cut, string fieldId) => cut.Find($"form:has(#{fieldId})");

    [Fact]
    public async Task Report_June2019_MattersOutstandingAsWritten()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{await App.MeetingIdAsync(2019, 6, 20)}/matters-arising");
        var rows = page.QuerySelectorAll("tr[data-minute]").ToList();

        Assert.Equal(["64", "65", "68a", "70", "74"], rows.Select(r => r.GetAttribute("data-minute")));
        Assert.Contains("Home Office Locality Review Report", rows[0].TextContent);
        Assert.Contains("14 March 2019", rows[0].TextContent);
        Assert.Contains("Betty McDonald", rows[0].TextContent);
        Assert.Equal(2, rows[1].QuerySelectorAll("td:nth-child(2) p").Length);
        Assert.Contains("Hate Crime has been incorporated into the Strategy.", rows[1].TextContent);
        // Both IOM resolutions share one update: printed once.
        Assert.Single(rows[2].QuerySelectorAll("[data-update]"));
        Assert.NotNull(rows[3].QuerySelector("[data-closed]"));
        Assert.All(rows.Where(r => r != rows[3]), r => Assert.Null(r.QuerySelector("[data-closed]")));
    }

    [Fact]
    public async Task Report_December2016_CarriesJuneMattersForward()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{await App.MeetingIdAsync(2016, 12, 8)}/matters-arising");
        Assert.Equal(["85", "107", "108a", "108b", "108e", "110"], page.QuerySelectorAll("tr[data-minute]").Select(r => r.GetAttribute("data-minute")));
        Assert.Contains("27 June 2016", page.QuerySelector("tr[data-minute='85']")!.TextContent);
        Assert.Contains("(Action: Leads)", page.QuerySelector("tr[data-minute='108e']")!.TextContent);
    }

    [Fact]
    public async Task Csv_ReportForJune2019_HeaderAndRows()
    {
        var member = await App.SignInAsync("member");
        var response = await member.GetAsync($"/matters-arising/export.csv?meeting={await App.MeetingIdAsync(2019, 6, 20)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Minute,Title,Meeting date,Matter arising,Owners,Status,Latest update,Updated at", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.Equal("64,Home Office Locality Review Report,14/03/2019,RESOLVED that the update is noted and a further update is provided at the next meeting.,AM/RV,Open," +
                     "The item will be updated upon by Betty McDonald when the Knife Crime and Serious Violence Action Plan is discussed by Community Safety.,11/06/2019", lines[1]);
        Assert.StartsWith("70,LAS Update,14/03/2019,", lines[6]);
        Assert.Contains(",BK,Closed,", lines[6]);
    }

    [Fact]
    public async Task Csv_AllMatters_HeaderThenEveryMatter()
    {
        var member = await App.SignInAsync("member");
        var text = await member.GetStringAsync("/matters-arising/export.csv");
        var count = await App.WithDbAsync(db => db.MattersArising.CountAsync());
        Assert.StartsWith(MattersArisingService.CsvHeader + "\r\n", text);
        // Quoted cells may hold commas but never line breaks here.
        Assert.Equal(count + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Update_OwnerThenReportForNextMeeting_ShowsIt()
    {
        // The clerk schedules the next meeting and records a resolution owned by Peter Sibley at June 2019.
        var next = DateOnly.FromDateTime(DateTime.Today.AddDays(30));
        var groupId = await App.WithDbAsync(db => db.Groups.Where(g => g.ShortName == "Strategic Group").Select(g => g.Id).SingleAsync());
        var june = await App.MeetingIdAsync(2019, 6, 20);
        var (scheduled, minuted) = await App.AsAsync("AM", Administrator, async (s, _) => (
            await s.Meetings.ScheduleAsync(new MeetingInput(groupId, UkDates.Short(next), null, "Bromley Civic Centre", null, false, null)),
            await s.Minutes.AddMinuteItemAsync(june, new MinuteItemInput("90", "Knife arches", null,
                "RESOLVED that the ASB sub-group reports on knife arch deployments.", "PS", true))));
        Assert.True(scheduled.Succeeded && minuted.Succeeded);
        var matterId = await App.MatterIdAsync("90", 2019);

        var lead = await App.SignInAsync("lead");
        var mine = await lead.GetPageAsync("/matters-arising");
        Assert.NotNull(mine.QuerySelector("tr[data-matter='90']"));
        var report = Render<MattersReportPage>(p => p.Add(c => c.Id, scheduled.Id));
        var cut = await OpenMatterAsync("lead", matterId);
        report.WaitForElement("tr[data-minute='90']");
        cut.Find("#Text").Input("Two deployments at Bromley College.");
        await FormOf(cut, "Text").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("Two deployments at Bromley College.", cut.Find("[data-updates]").TextContent));

        // The open report follows the update live.
        report.WaitForAssertion(() => Assert.Contains("Two deployments at Bromley College.", report.Find("tr[data-minute='90']").TextContent));
        Assert.NotEmpty(report.FindAll("tr[data-minute='64']"));
        Assert.Empty(report.FindAll("tr[data-minute='70']"));
        var dashboard = await lead.GetPageAsync("/");
        Assert.Contains("Minute 90", dashboard.QuerySelector("[data-my-matters]")!.TextContent);
    }

    [Fact]
    public async Task Close_Chair_ClosedWithNoteAndNoMoreForms()
    {
        var matterId = await App.MatterIdAsync("68a", 2019);
        var cut = await OpenMatterAsync("chair", matterId);
        cut.Find("#Note").Input("The IOM Board has been re-established.");
        await FormOf(cut, "Note").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("form textarea")));
        Assert.Contains("Closed", cut.Find("[data-matter-status]").TextContent);
        var matter = await App.WithDbAsync(db => db.MattersArising.SingleAsync(m => m.Id == matterId));
        Assert.Equal((MatterStatus.Closed, "Councillor Kate Lymer", "The IOM Board has been re-established."), (matter.Status, matter.ClosedBy, matter.ClosingNote));
    }

    [Fact]
    public async Task DashboardPanel_MatterClosedAfterItWasRead_CountsChangeOnTheVeryNextRequest()
    {
        // The panel reads cached matters: a close must show at once, not when the cache next reloads.
        string[] usedElsewhere = ["64", "65", "68a", "74", "90"];
        var matterId = await App.WithDbAsync(db => db.MattersArising
            .Where(m => m.Status == MatterStatus.Open && !usedElsewhere.Contains(m.MinuteNumber)).Select(m => m.Id).FirstAsync());
        var chair = await App.SignInAsync("chair");
        var before = await CountsAsync(chair);

        var version = await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        var closed = await App.AsAsync("KL", Chair, (_, matters) => matters.CloseAsync(matterId, version, new CloseMatterInput("Done, as reported to the group.")));
        Assert.True(closed.Succeeded);

        var after = await CountsAsync(chair);
        Assert.Equal(before.Open - 1, after.Open);
        Assert.Equal(before.Closed + 1, after.Closed);
    }

    static async Task<(int Open, int Closed)> CountsAsync(HttpClient client)
    {
        var links = (await client.GetPageAsync("/")).QuerySelectorAll("[data-matters-counts] a").Select(a => a.TextContent.Trim()).ToList();
        return (int.Parse(links[0].Split(' ')[0]), int.Parse(links[2].Split(' ')[0]));
    }

    [Fact]
    public async Task Close_AfterSomeoneAddedAnUpdate_RefusedShowingItAndKeepingTheNote()
    {
        var matterId = await App.MatterIdAsync("65", 2019);
        var cut = await OpenMatterAsync("chair", matterId);
        cut.Find("#Note").Input("My closing note");
        var update = await App.AsAsync("AM", Administrator, (_, matters) => matters.AddUpdateAsync(matterId, new MatterUpdateInput("The refurbishment is now complete.")));
        Assert.True(update.Succeeded);
        // The page shows the new update as it arrives, and keeps the note being typed.
        cut.WaitForAssertion(() => Assert.Contains("The refurbishment is now complete.", cut.Find("[data-updates]").TextContent));
        await FormOf(cut, "Note").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"],
            cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Contains("Amanda Mumford", cut.Find("[data-conflict]").TextContent);
        Assert.StartsWith("The refurbishment is now complete.", cut.Find("[data-conflict-field=LatestUpdate] [data-theirs]").TextContent);
        Assert.Equal("My closing note", cut.Find("#Note").GetAttribute("value") ?? cut.Find("#Note").TextContent);
        Assert.Equal(MatterStatus.Open, await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Status).SingleAsync()));

        // Closing again, having seen the update, is a deliberate choice.
        await FormOf(cut, "Note").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("form textarea")));
        Assert.Equal(MatterStatus.Closed, await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task AddUpdate_NotAnOwnerOrMember_Forbidden()
    {
        var locality = await App.MatterIdAsync("64", 2019);
        var probation = await App.MatterIdAsync("74", 2019);
        var input = new MatterUpdateInput("An update");

        var lead = await App.AsAsync("PS", Lead, (_, matters) => matters.AddUpdateAsync(locality, input));
        Assert.Equal("Only the owners of Matter 64 (AM/RV) or the clerk can add updates", lead.Denied);
        // Sharon Baldwin owns minute 74 but holds the Member role, which edits nothing.
        var member = await App.AsAsync("SB", Member, (_, matters) => matters.AddUpdateAsync(probation, input));
        Assert.NotNull(member.Denied);
        var owner = await App.AsAsync("RV", Lead, (_, matters) => matters.AddUpdateAsync(locality, input));
        Assert.True(owner.Succeeded);
    }

    [Theory]
    [InlineData("PS", Lead)]
    [InlineData("SB", Member)]
    public async Task Close_NotOwnerClerkOrChair_Forbidden(string initials, string role)
    {
        var matterId = await App.MatterIdAsync("64", 2019);
        var version = await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        var result = await App.AsAsync(initials, role, (_, matters) => matters.CloseAsync(matterId, version, new CloseMatterInput("Done")));
        Assert.Equal("Only the owners of Matter 64 (AM/RV), the clerk or the chair can close it", result.Denied);
    }

    [Fact]
    public async Task Close_LeadWhoOwnsTheMatter_ClosesInPlaceButCannotSetDue()
    {
        // A matter owned by Peter Sibley, the demo lead.
        var june = await App.MeetingIdAsync(2019, 6, 20);
        var minuted = await App.AsAsync("AM", Administrator, (s, _) => s.Minutes.AddMinuteItemAsync(june,
            new MinuteItemInput("91", "CCTV", null, "RESOLVED that the ASB sub-group reviews CCTV coverage.", "PS", true)));
        Assert.True(minuted.Succeeded);
        var matterId = await App.MatterIdAsync("91", 2019);
        var cut = await OpenMatterAsync("lead", matterId);
        Assert.Empty(cut.FindAll("#DueMeetingId"));
        cut.Find("#Note").Input("Reviewed with the police; coverage is adequate.");
        await FormOf(cut, "Note").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("Closed", cut.Find("[data-matter-status]").TextContent));
        Assert.Equal("Peter Sibley", await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.ClosedBy).SingleAsync()));
    }

    [Fact]
    public async Task Log_Clerk_SeesAllOpenAndViews_LeadSeesOnlyTheirs()
    {
        var admin = await App.SignInAsync("admin");
        var open = await admin.GetPageAsync("/matters-arising");
        Assert.NotNull(open.QuerySelector("tr[data-matter='64']"));
        Assert.NotNull(open.QuerySelector("a[href='/matters-arising?view=Overdue']"));
        Assert.Null(open.QuerySelector("tr[data-matter='70']"));
        var closed = await admin.GetPageAsync("/matters-arising?view=All");
        Assert.NotNull(closed.QuerySelector("tr[data-matter='70']"));

        var member = await App.SignInAsync("member");
        var mine = await member.GetPageAsync("/matters-arising");
        Assert.Equal(["74"], mine.QuerySelectorAll("tr[data-matter]").Select(r => r.GetAttribute("data-matter")));
        Assert.Null(mine.QuerySelector("a[href='/matters-arising?view=Overdue']"));
        var page = await member.GetPageAsync($"/matters-arising/{await App.MatterIdAsync("74", 2019)}");
        Assert.Null(page.QuerySelector("form textarea"));
    }

    [Fact]
    public async Task MattersLog_MatterClosedElsewhere_OpenLogReRendersWithoutIt()
    {
        string[] usedElsewhere = ["64", "65", "68a", "74", "90"];
        var (matterId, minute) = await App.WithDbAsync(async db => await db.MattersArising
            .Where(m => m.Status == MatterStatus.Open && !usedElsewhere.Contains(m.MinuteNumber)).OrderByDescending(m => m.Id)
            .Select(m => new ValueTuple<int, string>(m.Id, m.MinuteNumber)).FirstAsync());
        await SignInAsAsync("admin");
        var log = Render<MattersLogPage>();
        log.WaitForAssertion(() => Assert.NotEmpty(log.FindAll($"tr[data-matter='{minute}']")));
        var panel = Render<MattersPanel>();
        var before = panel.Find("[data-matters-counts] a").TextContent;

        var version = await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        Assert.True((await App.AsAsync("KL", Chair, (_, matters) => matters.CloseAsync(matterId, version, new CloseMatterInput("Done.")))).Succeeded);

        log.WaitForAssertion(() => Assert.DoesNotContain(log.FindAll("tr[data-matter]"), r => r.QuerySelector($"a[href='/matters-arising/{matterId}']") is not null));
        panel.WaitForAssertion(() => Assert.NotEqual(before, panel.Find("[data-matters-counts] a").TextContent));
    }

    [Fact]
    public async Task ReportPrint_June2019_StaticWithResolutionsAsText()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{await App.MeetingIdAsync(2019, 6, 20)}/matters-arising/print");
        Assert.Equal(5, page.QuerySelectorAll("tr[data-minute]").Length);
        Assert.Empty(page.QuerySelectorAll("[data-report-table] a"));
        Assert.Null(page.QuerySelector(".mud-appbar"));
        Assert.Contains("Appendix A", page.QuerySelector("h1")!.TextContent);
    }
}
