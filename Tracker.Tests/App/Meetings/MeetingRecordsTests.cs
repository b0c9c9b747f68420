using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

/// <summary>What the clerk records on a meeting: its details, agenda and attendance; and a matter's due meeting.</summary>
public sealed class MeetingRecordsTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    /// <summary>A future Strategic Group meeting of its own, so tests do not disturb the sample meetings.</summary>
    Task<int> NewMeetingAsync(int daysAhead, Action<Meeting>? setUp = null) => app.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
        var meeting = Meeting.Schedule(group, DateOnly.FromDateTime(DateTime.Today.AddDays(daysAhead)), new TimeOnly(10, 0), "Bromley Civic Centre");
        setUp?.Invoke(meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    Task<int> PersonIdAsync(string initials) => app.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    static async Task<HttpResponseMessage> PostStaleAsync(HttpClient client, string url, Dictionary<string, string> staleForm) =>
        await client.PostAsync(url, new FormUrlEncodedContent(staleForm));

    // ---- Meeting details ----

    [Fact]
    public async Task Details_Save_ChangesDateVenueAndDeadlineAudited()
    {
        var id = await NewMeetingAsync(40);
        var date = DateOnly.FromDateTime(DateTime.Today.AddDays(47));
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/meetings/{id}/edit", "meeting-details", new()
        {
            ["Form.Date"] = UkDates.Short(date), ["Form.StartTime"] = "14:30", ["Form.Venue"] = "Bromley Civic Centre, Room 2",
            ["Form.PapersDeadline"] = UkDates.Short(date.AddDays(-10)),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = await app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == id));
        Assert.Equal((date, new TimeOnly(14, 30), "Bromley Civic Centre, Room 2", date.AddDays(-10), MeetingStatus.Scheduled),
            (meeting.Date, meeting.StartTime, meeting.Venue, meeting.PapersDeadline, meeting.Status));
        Assert.Equal("Amanda Mumford", meeting.UpdatedBy);
        var pack = await admin.GetPageAsync($"/meetings/{id}");
        Assert.Contains("Room 2", pack.QuerySelector("[data-live^='meeting:']")!.TextContent);
    }

    [Fact]
    public async Task Details_Invalid_ErrorsAndTypedValuesKept()
    {
        var id = await NewMeetingAsync(41);
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/meetings/{id}/edit", "meeting-details", new()
        {
            ["Form.Date"] = "20/06/2030", ["Form.Venue"] = "", ["Form.PapersDeadline"] = "21/06/2030",
        })).ParseAsync();
        Assert.Equal(["Enter the venue", "Papers deadline must be on or before the date of the meeting"], page.ErrorSummary());
        Assert.Equal("Enter the venue", page.FieldError("venue"));
        Assert.Equal("21/06/2030", page.QuerySelector("#papers-deadline")!.GetAttribute("value"));
        Assert.Equal("20/06/2030", page.QuerySelector("#date")!.GetAttribute("value"));
        Assert.Equal("Bromley Civic Centre", await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Venue).SingleAsync()));
    }

    [Fact]
    public async Task Details_StaleForm_RefusedShowingTheirsKeepingOurs()
    {
        var id = await NewMeetingAsync(42);
        var first = await app.SignInAsync("admin");
        var second = await app.SignInAsync("admin");
        var stale = (await second.GetPageAsync($"/meetings/{id}/edit")).FormNamed("meeting-details").CurrentValues();
        await first.PostFormAsync($"/meetings/{id}/edit", "meeting-details", new() { ["Form.Venue"] = "Their venue" });
        stale["Form.Venue"] = "My venue";
        var response = await PostStaleAsync(second, $"/meetings/{id}/edit", stale);
        var page = await response.ParseAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Equal("Their venue", page.QuerySelector("[data-conflict-field=Venue]")!.TextContent);
        Assert.Equal("My venue", page.QuerySelector("#venue")!.GetAttribute("value"));
        Assert.Equal("Their venue", await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Venue).SingleAsync()));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("agenda")]
    [InlineData("agenda/new")]
    [InlineData("attendance")]
    [InlineData("attendance/new")]
    public async Task ClerkPages_Chair_AccessDenied(string page)
    {
        var id = await app.MeetingIdAsync(2019, 6, 20);
        var chair = await app.SignInAsync("chair");
        var response = await chair.GetAsync($"/meetings/{id}/{page}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        var pack = await chair.GetPageAsync($"/meetings/{id}");
        Assert.Null(pack.QuerySelector("[data-clerk-links]"));
    }

    [Fact]
    public async Task Services_NotClerk_Refused()
    {
        var id = await NewMeetingAsync(43);
        var ps = await PersonIdAsync("PS");
        var results = await app.AsAsync("KL", Chair, async (meetings, _) => new[]
        {
            await meetings.UpdateDetailsAsync(id, 1, new MeetingDetailsInput("01/01/2031", null, "Elsewhere", "01/12/2030")),
            await meetings.AddAgendaItemAsync(id, new AgendaItemInput("1", "Welcome", null, null, AgendaItemKind.Business)),
            await meetings.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Present, ps, null)),
        });
        Assert.All(results, r => Assert.NotNull(r.Denied));
        Assert.Equal((0, 0), await app.WithDbAsync(async db =>
            (await db.AgendaItems.CountAsync(a => a.MeetingId == id), await db.Attendance.CountAsync(a => a.MeetingId == id))));
    }

    // ---- Agenda ----

    [Fact]
    public async Task Agenda_AddItems_ShownInPackAndForwardPlan()
    {
        var id = await NewMeetingAsync(50);
        var admin = await app.SignInAsync("admin");
        var first = await admin.PostFormAsync($"/meetings/{id}/agenda/new", "agenda-item", new()
        {
            ["Form.Number"] = "3", ["Form.Title"] = "Quarterly progress report", ["Form.Presenter"] = "Amanda Mumford", ["Form.PaperLink"] = "/actions/report",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await admin.PostFormAsync($"/meetings/{id}/agenda/new", "agenda-item", new()
        {
            ["Form.Number"] = "4", ["Form.Title"] = "Knife crime in Bromley", ["Form.Kind"] = "Presentation",
        });

        var pack = await admin.GetPageAsync($"/meetings/{id}");
        var rows = pack.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Quarterly progress report") && r.Contains("Amanda Mumford"));
        Assert.StartsWith("/actions/report?year=", pack.QuerySelector("a[href^='/actions/report']")!.GetAttribute("href"));
        Assert.Contains(rows, r => r.Contains("Knife crime in Bromley") && r.Contains("presentation and discussion"));
        var plan = await admin.GetPageAsync("/meetings/forward-plan");
        var planRow = plan.QuerySelectorAll("[data-forward-plan] tbody tr").Single(r => r.QuerySelector($"a[href='/meetings/{id}']") is not null);
        Assert.Contains("Quarterly progress report", planRow.QuerySelector("td:nth-of-type(1)")!.TextContent);
        Assert.Contains("Knife crime in Bromley", planRow.QuerySelector("td:nth-of-type(2)")!.TextContent);
    }

    [Fact]
    public async Task Agenda_Invalid_ErrorsAndTypedValuesKept()
    {
        var id = await NewMeetingAsync(51);
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/meetings/{id}/agenda/new", "agenda-item", new()
        {
            ["Form.Number"] = "7a", ["Form.Title"] = "", ["Form.Presenter"] = "Rob Vale", ["Form.PaperLink"] = "javascript:alert(1)",
        })).ParseAsync();
        Assert.Equal(["Enter the title of the agenda item", "Link to the paper must start with / (a page of the tracker) or https://"], page.ErrorSummary());
        Assert.Equal("Enter the title of the agenda item", page.FieldError("title"));
        Assert.Equal("7a", page.QuerySelector("#number")!.GetAttribute("value"));
        Assert.Equal("Rob Vale", page.QuerySelector("#presenter")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.AgendaItems.CountAsync(a => a.MeetingId == id)));
    }

    [Fact]
    public async Task Agenda_MoveUpAndRemove_NewOrder()
    {
        var id = await NewMeetingAsync(52, m =>
        {
            m.AddAgendaItem("1", "Welcome and apologies");
            m.AddAgendaItem("2", "Minutes of the last meeting");
            m.AddAgendaItem("3", "Matters arising");
        });
        var admin = await app.SignInAsync("admin");
        var items = await app.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).ToListAsync());
        var moved = await admin.PostFormAsync($"/meetings/{id}/agenda", "agenda-order", new() { ["Order.Action"] = $"up:{items[2].Id}:{items[2].Version}" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Empty((await moved.ParseAsync()).ErrorSummary());
        await admin.PostFormAsync($"/meetings/{id}/agenda", "agenda-order", new() { ["Order.Action"] = $"remove:{items[0].Id}:{items[0].Version}" });

        var titles = await app.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => a.Title).ToListAsync());
        Assert.Equal(["Matters arising", "Minutes of the last meeting"], titles);
        var page = await admin.GetPageAsync($"/meetings/{id}/agenda");
        Assert.Equal(["3", "2"], page.QuerySelectorAll("tr[data-agenda-item]").Select(r => r.GetAttribute("data-agenda-item")));
    }

    [Fact]
    public async Task Agenda_EditStale_RefusedShowingTheirsKeepingOurs()
    {
        var id = await NewMeetingAsync(53, m => m.AddAgendaItem("5", "Sub-group reports"));
        var itemId = await app.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).Select(a => a.Id).SingleAsync());
        var first = await app.SignInAsync("admin");
        var second = await app.SignInAsync("admin");
        var url = $"/meetings/{id}/agenda/{itemId}";
        var stale = (await second.GetPageAsync(url)).FormNamed("agenda-item").CurrentValues();
        await first.PostFormAsync(url, "agenda-item", new() { ["Form.Title"] = "Their title" });
        stale["Form.Title"] = "My title";
        var page = await (await PostStaleAsync(second, url, stale)).ParseAsync();
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Equal("Their title", page.QuerySelector("[data-conflict-field=Title]")!.TextContent);
        Assert.Equal("My title", page.QuerySelector("#title")!.GetAttribute("value"));

        // A move from the version before their change is refused too.
        var staleMove = await first.PostFormAsync($"/meetings/{id}/agenda", "agenda-order", new() { ["Order.Action"] = $"remove:{itemId}:1" });
        Assert.Equal(["Someone else saved this record while you were editing it"], (await staleMove.ParseAsync()).ErrorSummary());
        Assert.Equal("Their title", await app.WithDbAsync(db => db.AgendaItems.Where(a => a.Id == itemId).Select(a => a.Title).SingleAsync()));
    }

    // ---- Attendance ----

    [Fact]
    public async Task Attendance_AddSubstituteAndApologies_PackUsesMinutesWording()
    {
        var id = await NewMeetingAsync(60);
        var admin = await app.SignInAsync("admin");
        var ps = await PersonIdAsync("PS");
        var rv = await PersonIdAsync("RV");
        var response = await admin.PostFormAsync($"/meetings/{id}/attendance/new", "attendance", new()
        {
            ["Form.PersonId"] = ps.ToString(), ["Form.Kind"] = "Present", ["Form.SubstituteForId"] = rv.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await admin.PostFormAsync($"/meetings/{id}/attendance/new", "attendance", new() { ["Form.PersonId"] = rv.ToString(), ["Form.Kind"] = "Apologies" });

        var pack = await admin.GetPageAsync($"/meetings/{id}");
        var (psName, rvName) = await app.WithDbAsync(async db => (await db.People.Where(p => p.Id == ps).Select(p => p.Name).SingleAsync(), await db.People.Where(p => p.Id == rv).Select(p => p.Name).SingleAsync()));
        var present = pack.QuerySelector("[data-attendance=Present]")!.TextContent;
        Assert.Contains($"{psName} (", present);
        Assert.Contains($"attended as substitute for {rvName}", present);
        Assert.Contains(rvName, pack.QuerySelector("[data-attendance=Apologies]")!.TextContent);
    }

    [Fact]
    public async Task Attendance_Invalid_ErrorsAndChoicesKept()
    {
        var id = await NewMeetingAsync(61);
        var admin = await app.SignInAsync("admin");
        var ps = await PersonIdAsync("PS");
        var page = await (await admin.PostFormAsync($"/meetings/{id}/attendance/new", "attendance", new()
        {
            ["Form.PersonId"] = ps.ToString(), ["Form.Kind"] = "Apologies", ["Form.SubstituteForId"] = ps.ToString(),
        })).ParseAsync();
        Assert.Equal(["Someone who sent apologies cannot attend as a substitute", "Select someone other than the person attending as the one they substituted for"], page.ErrorSummary());
        Assert.Equal(ps.ToString(), page.QuerySelector("#person-id option[selected]")!.GetAttribute("value"));
        Assert.Equal("Apologies", page.QuerySelector("input[name='Form.Kind'][checked]")!.GetAttribute("value"));
        var missing = await (await admin.PostFormAsync($"/meetings/{id}/attendance/new", "attendance", new() { ["Form.PersonId"] = "" })).ParseAsync();
        Assert.Equal("Select the person", missing.FieldError("person-id"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Attendance.CountAsync(a => a.MeetingId == id)));
    }

    [Fact]
    public async Task Attendance_EditStale_RefusedShowingTheirsKeepingOurs()
    {
        var id = await NewMeetingAsync(62);
        var admin = await app.SignInAsync("admin");
        var other = await app.SignInAsync("admin");
        await admin.PostFormAsync($"/meetings/{id}/attendance/new", "attendance", new() { ["Form.PersonId"] = (await PersonIdAsync("PS")).ToString(), ["Form.Kind"] = "Present" });
        var rowId = await app.WithDbAsync(db => db.Attendance.Where(a => a.MeetingId == id).Select(a => a.Id).SingleAsync());
        var url = $"/meetings/{id}/attendance/{rowId}";
        var stale = (await other.GetPageAsync(url)).FormNamed("attendance").CurrentValues();
        await admin.PostFormAsync(url, "attendance", new() { ["Form.Kind"] = "Apologies" });
        stale["Form.Kind"] = "AlsoPresent";
        var page = await (await PostStaleAsync(other, url, stale)).ParseAsync();
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Equal("Apologies", page.QuerySelector("[data-conflict-field=Kind]")!.TextContent);
        Assert.Equal("AlsoPresent", page.QuerySelector("input[name='Form.Kind'][checked]")!.GetAttribute("value"));
        Assert.Equal(AttendanceKind.Apologies, await app.WithDbAsync(db => db.Attendance.Where(a => a.Id == rowId).Select(a => a.Kind).SingleAsync()));
    }

    // ---- A matter's due meeting ----

    [Fact]
    public async Task Due_ChairSetsFutureMeeting_SavedAndShown()
    {
        var meetingId = await NewMeetingAsync(70);
        var matterId = await app.MatterIdAsync("65", 2019);
        var chair = await app.SignInAsync("chair");
        var response = await chair.PostFormAsync($"/matters-arising/{matterId}", "due", new() { ["Due.DueMeetingId"] = meetingId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(meetingId, await app.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.DueMeetingId).SingleAsync()));
        var page = await chair.GetPageAsync($"/matters-arising/{matterId}");
        Assert.Contains("Due by the meeting of", page.QuerySelector(".govuk-summary-list")!.TextContent);
    }

    [Fact]
    public async Task Due_PastMeeting_RefusedWithChoiceKept()
    {
        var matterId = await app.MatterIdAsync("74", 2019);
        var past = await app.MeetingIdAsync(2019, 6, 20);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/matters-arising/{matterId}", "due", new() { ["Due.DueMeetingId"] = past.ToString() });
        var page = await response.ParseAsync();
        Assert.Equal(["Select a future meeting of the group"], page.ErrorSummary());
        Assert.Equal("Select a future meeting of the group", page.FieldError("due-meeting-id"));
        Assert.Null(await app.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.DueMeetingId).SingleAsync()));
    }

    [Fact]
    public async Task Due_LeadOwner_NoFormAndRefused()
    {
        var meetingId = await NewMeetingAsync(71);
        var matterId = await app.MatterIdAsync("64", 2019);
        var lead = await app.SignInAsync("lead");
        var page = await lead.GetPageAsync($"/matters-arising/{matterId}");
        Assert.Null(page.QuerySelector("input[name=_handler][value=due]"));
        var result = await app.AsAsync("PS", Lead, (_, matters) => matters.SetDueAsync(matterId, 1, meetingId));
        Assert.NotNull(result.Denied);
        Assert.Null(await app.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.DueMeetingId).SingleAsync()));
    }

    [Fact]
    public async Task Due_AfterAnUpdate_RefusedThenOverdueFollowsIt()
    {
        var meetingId = await NewMeetingAsync(72);
        var matterId = await app.MatterIdAsync("65", 2019);
        var admin = await app.SignInAsync("admin");
        var stale = (await admin.GetPageAsync($"/matters-arising/{matterId}")).FormNamed("due").CurrentValues();
        await admin.PostFormAsync($"/matters-arising/{matterId}", "update", new() { ["Update.Text"] = "Raised with the Board." });
        stale["Due.DueMeetingId"] = meetingId.ToString();
        var page = await (await PostStaleAsync(admin, $"/matters-arising/{matterId}", stale)).ParseAsync();
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Contains("Raised with the Board.", page.QuerySelector("[data-conflict-field=LatestUpdate]")!.TextContent);
        Assert.Equal(meetingId.ToString(), page.QuerySelector("#due-meeting-id option[selected]")!.GetAttribute("value"));

        // Once the due meeting has passed, the log's Overdue view lists the matter.
        await app.WithDbAsync(async db =>
        {
            var matter = await db.MattersArising.SingleAsync(m => m.Id == matterId);
            var passed = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            passed.Date = DateOnly.FromDateTime(DateTime.Today.AddDays(-1));
            matter.TrySetDue(passed);
            return await db.SaveChangesAsync();
        });
        var overdue = await admin.GetPageAsync("/matters-arising?view=Overdue");
        Assert.NotNull(overdue.QuerySelector("tr[data-matter='65']"));
    }
}
