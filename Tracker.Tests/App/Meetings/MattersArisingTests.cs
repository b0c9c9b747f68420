using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

public sealed class MattersArisingTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task Report_June2019_MattersOutstandingAsWritten()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{await app.MeetingIdAsync(2019, 6, 20)}/matters-arising");
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
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{await app.MeetingIdAsync(2016, 12, 8)}/matters-arising");
        Assert.Equal(["85", "107", "108a", "108b", "108e", "110"], page.QuerySelectorAll("tr[data-minute]").Select(r => r.GetAttribute("data-minute")));
        Assert.Contains("27 June 2016", page.QuerySelector("tr[data-minute='85']")!.TextContent);
        Assert.Contains("(Action: Leads)", page.QuerySelector("tr[data-minute='108e']")!.TextContent);
    }

    [Fact]
    public async Task Csv_ReportForJune2019_HeaderAndRows()
    {
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync($"/matters-arising/export.csv?meeting={await app.MeetingIdAsync(2019, 6, 20)}");
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
        var member = await app.SignInAsync("member");
        var text = await member.GetStringAsync("/matters-arising/export.csv");
        var count = await app.WithDbAsync(db => db.MattersArising.CountAsync());
        Assert.StartsWith(MattersArisingService.CsvHeader + "\r\n", text);
        // Quoted cells may hold commas but never line breaks here.
        Assert.Equal(count + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Update_OwnerThenReportForNextMeeting_ShowsIt()
    {
        var admin = await app.SignInAsync("admin");
        // The clerk schedules the next meeting and records a resolution owned by Peter Sibley at June 2019.
        var next = DateOnly.FromDateTime(DateTime.Today.AddDays(30));
        var scheduled = await admin.PostFormAsync("/meetings/new", "meeting", new()
        {
            ["Form.GroupId"] = (await app.WithDbAsync(db => db.Groups.Where(g => g.ShortName == "Strategic Group").Select(g => g.Id).SingleAsync())).ToString(),
            ["Form.Date"] = UkDates.Short(next), ["Form.Venue"] = "Bromley Civic Centre",
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var nextId = int.Parse(scheduled.Headers.Location!.ToString().Split('/').Last());
        var june = await app.MeetingIdAsync(2019, 6, 20);
        await admin.PostFormAsync($"/meetings/{june}/minutes", "minute", new()
        {
            ["Item.Number"] = "90", ["Item.Title"] = "Knife arches", ["Item.Resolution"] = "RESOLVED that the ASB sub-group reports on knife arch deployments.",
            ["Item.Owners"] = "PS", ["Item.NeedsAction"] = "true",
        });
        var matterId = await app.MatterIdAsync("90", 2019);

        var lead = await app.SignInAsync("lead");
        var mine = await lead.GetPageAsync("/matters-arising");
        Assert.NotNull(mine.QuerySelector("tr[data-matter='90']"));
        var updated = await lead.PostFormAsync($"/matters-arising/{matterId}", "update", new() { ["Update.Text"] = "Two deployments at Bromley College." });
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);

        var report = await lead.GetPageAsync($"/meetings/{nextId}/matters-arising");
        var row = report.QuerySelector("tr[data-minute='90']")!;
        Assert.Contains("Two deployments at Bromley College.", row.TextContent);
        Assert.NotNull(report.QuerySelector("tr[data-minute='64']"));
        Assert.Null(report.QuerySelector("tr[data-minute='70']"));
        var dashboard = await lead.GetPageAsync("/");
        Assert.Contains("Minute 90", dashboard.QuerySelector("[data-my-matters]")!.TextContent);
    }

    [Fact]
    public async Task Close_Chair_ClosedWithNoteAndNoMoreForms()
    {
        var matterId = await app.MatterIdAsync("68a", 2019);
        var chair = await app.SignInAsync("chair");
        var response = await chair.PostFormAsync($"/matters-arising/{matterId}", "close", new() { ["Close.Note"] = "The IOM Board has been re-established." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var matter = await app.WithDbAsync(db => db.MattersArising.SingleAsync(m => m.Id == matterId));
        Assert.Equal((MatterStatus.Closed, "Councillor Kate Lymer", "The IOM Board has been re-established."), (matter.Status, matter.ClosedBy, matter.ClosingNote));
        var page = await chair.GetPageAsync($"/matters-arising/{matterId}");
        Assert.Null(page.QuerySelector("form textarea"));
    }

    [Fact]
    public async Task DashboardPanel_MatterClosedAfterItWasRead_CountsChangeOnTheVeryNextRequest()
    {
        // The panel reads cached matters: a close must show at once, not when the cache next reloads.
        string[] usedElsewhere = ["64", "65", "68a", "74", "90"];
        var matterId = await app.WithDbAsync(db => db.MattersArising
            .Where(m => m.Status == MatterStatus.Open && !usedElsewhere.Contains(m.MinuteNumber)).Select(m => m.Id).FirstAsync());
        var chair = await app.SignInAsync("chair");
        var before = await CountsAsync(chair);

        var response = await chair.PostFormAsync($"/matters-arising/{matterId}", "close", new() { ["Close.Note"] = "Done, as reported to the group." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

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
        var matterId = await app.MatterIdAsync("65", 2019);
        var admin = await app.SignInAsync("admin");
        var chair = await app.SignInAsync("chair");
        var staleClose = (await chair.GetPageAsync($"/matters-arising/{matterId}")).FormNamed("close").CurrentValues();
        await admin.PostFormAsync($"/matters-arising/{matterId}", "update", new() { ["Update.Text"] = "The refurbishment is now complete." });

        staleClose["Close.Note"] = "My closing note";
        var response = await chair.PostAsync($"/matters-arising/{matterId}", new FormUrlEncodedContent(staleClose));
        var page = await response.ParseAsync();

        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Contains("Amanda Mumford changed this record on", page.QuerySelector("[data-conflict]")!.TextContent);
        Assert.StartsWith("The refurbishment is now complete.", page.QuerySelector("[data-conflict-field=LatestUpdate]")!.TextContent);
        Assert.Equal("My closing note", page.QuerySelector("#note")!.TextContent);
        Assert.Equal(MatterStatus.Open, await app.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Status).SingleAsync()));

        var again = await chair.PostAsync($"/matters-arising/{matterId}", new FormUrlEncodedContent(page.FormNamed("close").CurrentValues()));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task AddUpdate_NotAnOwnerOrMember_Forbidden()
    {
        var locality = await app.MatterIdAsync("64", 2019);
        var probation = await app.MatterIdAsync("74", 2019);
        var input = new MatterUpdateInput("An update");

        var lead = await app.AsAsync("PS", Lead, (_, matters) => matters.AddUpdateAsync(locality, input));
        Assert.Equal("Only the owners of Matter 64 (AM/RV) or the clerk can add updates", lead.Denied);
        // Sharon Baldwin owns minute 74 but holds the Member role, which edits nothing.
        var member = await app.AsAsync("SB", Member, (_, matters) => matters.AddUpdateAsync(probation, input));
        Assert.NotNull(member.Denied);
        var owner = await app.AsAsync("RV", Lead, (_, matters) => matters.AddUpdateAsync(locality, input));
        Assert.True(owner.Succeeded);
    }

    [Theory]
    [InlineData("PS", Lead)]
    [InlineData("SB", Member)]
    public async Task Close_NotClerkOrChair_Forbidden(string initials, string role)
    {
        var matterId = await app.MatterIdAsync("64", 2019);
        var version = await app.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        var result = await app.AsAsync(initials, role, (_, matters) => matters.CloseAsync(matterId, version, new CloseMatterInput("Done")));
        Assert.Equal("Only the clerk or the chair can close a matter arising", result.Denied);
    }

    [Fact]
    public async Task Log_Clerk_SeesAllOpenAndViews_LeadSeesOnlyTheirs()
    {
        var admin = await app.SignInAsync("admin");
        var open = await admin.GetPageAsync("/matters-arising");
        Assert.NotNull(open.QuerySelector("tr[data-matter='64']"));
        Assert.NotNull(open.QuerySelector("a[href='/matters-arising?view=Overdue']"));
        Assert.Null(open.QuerySelector("tr[data-matter='70']"));
        var closed = await admin.GetPageAsync("/matters-arising?view=All");
        Assert.NotNull(closed.QuerySelector("tr[data-matter='70']"));

        var member = await app.SignInAsync("member");
        var mine = await member.GetPageAsync("/matters-arising");
        Assert.Equal(["74"], mine.QuerySelectorAll("tr[data-matter]").Select(r => r.GetAttribute("data-matter")));
        Assert.Null(mine.QuerySelector("a[href='/matters-arising?view=Overdue']"));
        var page = await member.GetPageAsync($"/matters-arising/{await app.MatterIdAsync("74", 2019)}");
        Assert.Null(page.QuerySelector("form textarea"));
    }

    [Fact]
    public async Task LiveFragment_Report_RendersTheSameTable()
    {
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync($"/live/meetings/{await app.MeetingIdAsync(2019, 6, 20)}/report");
        var page = await response.ParseAsync();
        Assert.Equal(5, page.QuerySelectorAll("tr[data-minute]").Length);
        Assert.Null(page.QuerySelector("header"));
    }
}
