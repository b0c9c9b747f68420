using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

/// <summary>What the clerk records on a meeting: its details, agenda and attendance; and a matter's due meeting.</summary>
public sealed class MeetingRecordsTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    /// <summary>A future Strategic Group meeting of its own, so tests do not disturb the sample meetings.</summary>
    Task<int> NewMeetingAsync(int daysAhead, Action<Meeting>? setUp = null) => App.NewMeetingAsync(daysAhead, setUp);

    Task<int> PersonIdAsync(string initials) => App.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    static string FieldMessage<T>(IRenderedComponent<T> cut, string id) where T : IComponent =>
        cut.Find($".mud-input-control:has(#{id}) .mud-input-helper-text").TextContent.Trim();

    async Task<IRenderedComponent<T>> OpenAsync<T>(string account, Action<ComponentParameterCollectionBuilder<T>> parameters, string readySelector) where T : IComponent
    {
        await SignInAsAsync(account);
        var cut = Render(parameters);
        cut.WaitForElement(readySelector);
        return cut;
    }

    string Uri => Services.GetService<NavigationManager>()!.Uri;

    // ---- Meeting details ----

    [Fact]
    public async Task Details_Save_ChangesDateVenueAndDeadlineAudited()
    {
        var id = await NewMeetingAsync(40);
        var date = DateOnly.FromDateTime(DateTime.Today.AddDays(47));
        var cut = await OpenAsync<MeetingEdit>("admin", p => p.Add(c => c.Id, id), "#Venue");
        cut.Find("#Date").Input(UkDates.Short(date));
        cut.Find("#StartTime").Input("14:30");
        cut.Find("#Venue").Input("Bromley Civic Centre, Room 2");
        cut.Find("#PapersDeadline").Input(UkDates.Short(date.AddDays(-10)));
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.EndsWith($"/meetings/{id}", Uri));
        var meeting = await App.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == id));
        Assert.Equal((date, new TimeOnly(14, 30), "Bromley Civic Centre, Room 2", date.AddDays(-10), MeetingStatus.Scheduled),
            (meeting.Date, meeting.StartTime, meeting.Venue, meeting.PapersDeadline, meeting.Status));
        Assert.Equal("Amanda Mumford", meeting.UpdatedBy);
        var pack = Render<MeetingPackPage>(p => p.Add(c => c.Id, id));
        pack.WaitForAssertion(() => Assert.Contains("Room 2", pack.Find("[data-meeting-summary]").TextContent));
    }

    [Fact]
    public async Task Details_Invalid_ErrorsAndTypedValuesKept()
    {
        var id = await NewMeetingAsync(41);
        var cut = await OpenAsync<MeetingEdit>("admin", p => p.Add(c => c.Id, id), "#Venue");
        cut.Find("#Date").Input("20/06/2030");
        cut.Find("#Venue").Input("");
        cut.Find("#PapersDeadline").Input("21/06/2030");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Enter the venue", "Papers deadline must be on or before the date of the meeting"],
            cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("#Venue", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Equal("Enter the venue", FieldMessage(cut, "Venue"));
        Assert.Equal("21/06/2030", cut.Find("#PapersDeadline").GetAttribute("value"));
        Assert.Equal("20/06/2030", cut.Find("#Date").GetAttribute("value"));
        Assert.Equal("Bromley Civic Centre", await App.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Venue).SingleAsync()));
    }

    [Fact]
    public async Task Details_StaleForm_RefusedShowingTheirsKeepingOurs()
    {
        var id = await NewMeetingAsync(42);
        var cut = await OpenAsync<MeetingEdit>("admin", p => p.Add(c => c.Id, id), "#Venue");
        cut.Find("#Venue").Input("My venue");
        var (scope, meetings) = await AsAsync<MeetingsService>("admin");
        await using (scope)
        {
            var header = (await meetings.GetHeaderAsync(id))!;
            Assert.True((await meetings.UpdateDetailsAsync(id, header.Version, new MeetingDetailsInput(UkDates.Short(header.Date), "10:00", "Their venue", UkDates.Short(header.PapersDeadline)))).Succeeded);
        }
        cut.WaitForAssertion(() => Assert.Contains("Amanda Mumford changed this record", cut.Find("[data-changed-elsewhere]").TextContent));
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("Their venue", cut.Find("[data-conflict-field=Venue] [data-theirs]").TextContent);
        Assert.Equal("My venue", cut.Find("#Venue").GetAttribute("value"));
        Assert.Equal("Their venue", await App.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Venue).SingleAsync()));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("agenda")]
    [InlineData("agenda/new")]
    [InlineData("attendance")]
    [InlineData("attendance/new")]
    public async Task ClerkPages_Chair_AccessDenied(string page)
    {
        var id = await App.MeetingIdAsync(2019, 6, 20);
        var chair = await App.SignInAsync("chair");
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
        var results = await App.AsAsync("KL", Chair, async (s, _) => new[]
        {
            await s.Meetings.UpdateDetailsAsync(id, 1, new MeetingDetailsInput("01/01/2031", null, "Elsewhere", "01/12/2030")),
            await s.Agenda.AddAgendaItemAsync(id, new AgendaItemInput("1", "Welcome", null, null, AgendaItemKind.Business)),
            await s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Present, ps, null)),
        });
        Assert.All(results, r => Assert.NotNull(r.Denied));
        Assert.Equal((0, 0), await App.WithDbAsync(async db =>
            (await db.AgendaItems.CountAsync(a => a.MeetingId == id), await db.Attendance.CountAsync(a => a.MeetingId == id))));
    }

    // ---- Agenda ----

    [Fact]
    public async Task Agenda_AddItems_ShownInPackAndForwardPlan()
    {
        var id = await NewMeetingAsync(50);
        var cut = await OpenAsync<AgendaItemEdit>("admin", p => p.Add(c => c.Id, id), "#Number");
        cut.Find("#Number").Input("3");
        cut.Find("#Title").Input("Quarterly progress report");
        cut.Find("#Presenter").Input("Amanda Mumford");
        cut.Find("#PaperLink").Input("/actions/report");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.EndsWith($"/meetings/{id}/agenda", Uri));
        var added = await App.AsAsync("AM", Administrator, (s, _) =>
            s.Agenda.AddAgendaItemAsync(id, new AgendaItemInput("4", "Knife crime in Bromley", null, null, AgendaItemKind.Presentation)));
        Assert.True(added.Succeeded);

        var admin = await App.SignInAsync("admin");
        var pack = await admin.GetPageAsync($"/meetings/{id}");
        var rows = pack.QuerySelectorAll("[data-agenda] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Quarterly progress report") && r.Contains("Amanda Mumford"));
        Assert.StartsWith("/actions/report?year=", pack.QuerySelector("[data-agenda] a[href^='/actions/report']")!.GetAttribute("href"));
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
        var cut = await OpenAsync<AgendaItemEdit>("admin", p => p.Add(c => c.Id, id), "#Number");
        cut.Find("#Number").Input("7a");
        cut.Find("#Title").Input("");
        cut.Find("#Presenter").Input("Rob Vale");
        cut.Find("#PaperLink").Input("javascript:alert(1)");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Enter the title of the agenda item", "Link to the paper must start with / (a page of the tracker) or https://"],
            cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("Enter the title of the agenda item", FieldMessage(cut, "Title"));
        Assert.Equal("7a", cut.Find("#Number").GetAttribute("value"));
        Assert.Equal("Rob Vale", cut.Find("#Presenter").GetAttribute("value"));
        Assert.Equal(0, await App.WithDbAsync(db => db.AgendaItems.CountAsync(a => a.MeetingId == id)));
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
        var cut = await OpenAsync<AgendaPage>("admin", p => p.Add(c => c.Id, id), "tr[data-agenda-item='3']");
        cut.Find("tr[data-agenda-item='3'] button").Click(); // Move up
        cut.WaitForAssertion(() => Assert.Equal(["1", "3", "2"], cut.FindAll("tr[data-agenda-item]").Select(r => r.GetAttribute("data-agenda-item"))));
        Assert.Empty(cut.FindAll("[data-error-summary]"));
        cut.FindAll("tr[data-agenda-item='1'] button").Single(b => b.TextContent.StartsWith("Remove")).Click();

        cut.WaitForAssertion(() => Assert.Equal(["3", "2"], cut.FindAll("tr[data-agenda-item]").Select(r => r.GetAttribute("data-agenda-item"))));
        var titles = await App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => a.Title).ToListAsync());
        Assert.Equal(["Matters arising", "Minutes of the last meeting"], titles);
    }

    [Fact]
    public async Task Agenda_EditStale_RefusedShowingTheirsKeepingOurs()
    {
        var id = await NewMeetingAsync(53, m => m.AddAgendaItem("5", "Sub-group reports"));
        var itemId = await App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).Select(a => a.Id).SingleAsync());
        var list = await OpenAsync<AgendaPage>("admin", p => p.Add(c => c.Id, id), "tr[data-agenda-item='5']");
        var cut = Render<AgendaItemEdit>(p => p.Add(c => c.Id, id).Add(c => c.ItemId, itemId));
        cut.WaitForAssertion(() => Assert.Equal("Sub-group reports", cut.Find("#Title").GetAttribute("value")));
        cut.Find("#Title").Input("My title");
        var theirs = await App.AsAsync("AM", Administrator, (s, _) =>
            s.Agenda.UpdateAgendaItemAsync(id, itemId, 1, new AgendaItemInput("5", "Their title", null, null, AgendaItemKind.Business)));
        Assert.True(theirs.Succeeded);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("Their title", cut.Find("[data-conflict-field=Title] [data-theirs]").TextContent);
        Assert.Equal("My title", cut.Find("#Title").GetAttribute("value"));

        // A move from the version before their change is refused too.
        var staleMove = await App.AsAsync("AM", Administrator, (s, _) => s.Agenda.ReorderAgendaItemAsync(id, itemId, 1, null));
        Assert.NotNull(staleMove.Conflict);
        Assert.Equal("Their title", await App.WithDbAsync(db => db.AgendaItems.Where(a => a.Id == itemId).Select(a => a.Title).SingleAsync()));
        // The list followed their change live.
        list.WaitForAssertion(() => Assert.Contains("Their title", list.Find("tr[data-agenda-item='5']").TextContent));
    }

    // ---- Attendance ----

    [Fact]
    public async Task Attendance_AddSubstituteAndApologies_PackUsesMinutesWording()
    {
        var id = await NewMeetingAsync(60);
        var ps = await PersonIdAsync("PS");
        var rv = await PersonIdAsync("RV");
        var results = await App.AsAsync("AM", Administrator, async (s, _) => new[]
        {
            await s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Present, ps, rv)),
            await s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Apologies, rv, null)),
        });
        Assert.All(results, r => Assert.True(r.Succeeded));

        await SignInAsAsync("admin");
        var pack = Render<MeetingPackPage>(p => p.Add(c => c.Id, id));
        pack.WaitForElement("[data-attendance=Present]");
        var (psName, rvName) = await App.WithDbAsync(async db => (await db.People.Where(p => p.Id == ps).Select(p => p.Name).SingleAsync(), await db.People.Where(p => p.Id == rv).Select(p => p.Name).SingleAsync()));
        var present = pack.Find("[data-attendance=Present]").TextContent;
        Assert.Contains($"{psName} (", present);
        Assert.Contains($"attended as substitute for {rvName}", present);
        Assert.Contains(rvName, pack.Find("[data-attendance=Apologies]").TextContent);
        // The clerk's list shows both, and removing one updates it in place.
        var list = Render<AttendancePage>(p => p.Add(c => c.Id, id));
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tr[data-attendance-row]").Count));
        list.FindAll("tr[data-attendance-row] button")[1].Click();
        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr[data-attendance-row]")));
    }

    [Fact]
    public async Task Attendance_Invalid_ErrorsAndChoicesKept()
    {
        var id = await NewMeetingAsync(61);
        var ps = await PersonIdAsync("PS");
        var refused = await App.AsAsync("AM", Administrator, (s, _) => s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Apologies, ps, ps)));
        Assert.Equal(["Someone who sent apologies cannot attend as a substitute", "Select someone other than the person attending as the one they substituted for"],
            refused.Errors.Select(e => e.Message));

        // On the form: no one chosen is refused beside the person field, and the choice of "Apologies" stays.
        var cut = await OpenAsync<AttendanceEdit>("admin", p => p.Add(c => c.Id, id), "form");
        cut.FindAll("input[type=radio]")[2].Click();
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Select the person"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("#PersonId", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains("Select the person", cut.Find(".mud-input-control:has(#PersonId)").TextContent);
        Assert.True(cut.FindAll("input[type=radio]")[2].HasAttribute("checked"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Attendance.CountAsync(a => a.MeetingId == id)));
    }

    [Fact]
    public async Task Attendance_EditStale_RefusedShowingTheirsKeepingOurs()
    {
        var id = await NewMeetingAsync(62);
        var ps = await PersonIdAsync("PS");
        var added = await App.AsAsync("AM", Administrator, (s, _) => s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Present, ps, null)));
        var cut = await OpenAsync<AttendanceEdit>("admin", p => p.Add(c => c.Id, id).Add(c => c.RowId, added.Id), "form");
        cut.FindAll("input[type=radio]")[1].Click(); // Also present
        var theirs = await App.AsAsync("AM", Administrator, (s, _) => s.Attendance.UpdateAttendanceAsync(id, added.Id, added.Version, new AttendanceInput(AttendanceKind.Apologies, ps, null)));
        Assert.True(theirs.Succeeded);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("Apologies", cut.Find("[data-conflict-field=Kind] [data-theirs]").TextContent);
        Assert.Equal("Also present", cut.Find("[data-conflict-field=Kind] [data-mine]").TextContent);
        Assert.Equal(AttendanceKind.Apologies, await App.WithDbAsync(db => db.Attendance.Where(a => a.Id == added.Id).Select(a => a.Kind).SingleAsync()));
    }

    [Fact]
    public async Task PartnershipList_TitlesBeforeNames_SortedBySurnameAndFoundByInitials()
    {
        var people = await App.AsAsync("AM", Administrator, (s, _) => s.Attendance.PartnershipListAsync());
        Assert.Equal(people.OrderBy(p => p.Surname, StringComparer.OrdinalIgnoreCase).Select(p => p.Id), people.Select(p => p.Id));
        var lymer = people.Single(p => p.Name == "Councillor Kate Lymer");
        Assert.Equal("Lymer", lymer.Surname);
        Assert.True(lymer.Matches("lym"));
        Assert.True(lymer.Matches("Kate"));
        Assert.True(lymer.Matches(lymer.Initials.ToLowerInvariant()));
        Assert.False(lymer.Matches("Vale"));
    }

    // ---- A matter's due meeting ----

    [Fact]
    public async Task Due_ChairSetsFutureMeeting_SavedAndShown()
    {
        var meetingId = await NewMeetingAsync(70);
        var matterId = await App.MatterIdAsync("65", 2019);
        var cut = await OpenAsync<MatterPage>("chair", p => p.Add(c => c.Id, matterId), "#DueMeetingId");
        var version = await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        var result = await App.AsAsync("KL", Chair, (_, matters) => matters.SetDueAsync(matterId, version, meetingId));
        Assert.True(result.Succeeded);
        Assert.Equal(meetingId, await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.DueMeetingId).SingleAsync()));
        // The open matter page follows the change.
        cut.WaitForAssertion(() => Assert.Contains("Due by the meeting of", cut.Find("[data-matter-summary]").TextContent));
    }

    [Fact]
    public async Task Due_PastMeeting_RefusedWithChoiceKept()
    {
        var matterId = await App.MatterIdAsync("74", 2019);
        var past = await App.MeetingIdAsync(2019, 6, 20);
        var version = await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        var result = await App.AsAsync("AM", Administrator, (_, matters) => matters.SetDueAsync(matterId, version, past));
        Assert.Equal([("DueMeetingId", "Select a future meeting of the group")], result.Errors.Select(e => (e.Field, e.Message)));
        Assert.Null(await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.DueMeetingId).SingleAsync()));
    }

    [Fact]
    public async Task Due_LeadOwner_NoFormAndRefused()
    {
        var meetingId = await NewMeetingAsync(71);
        var matterId = await App.MatterIdAsync("64", 2019);
        var cut = await OpenAsync<MatterPage>("lead", p => p.Add(c => c.Id, matterId), "[data-matter-summary]");
        Assert.Empty(cut.FindAll("#DueMeetingId"));
        var result = await App.AsAsync("PS", Lead, (_, matters) => matters.SetDueAsync(matterId, 1, meetingId));
        Assert.NotNull(result.Denied);
        Assert.Null(await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.DueMeetingId).SingleAsync()));
    }

    [Fact]
    public async Task Due_AfterAnUpdate_RefusedThenOverdueFollowsIt()
    {
        var meetingId = await NewMeetingAsync(72);
        var matterId = await App.MatterIdAsync("65", 2019);
        var loaded = await App.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        Assert.True((await App.AsAsync("AM", Administrator, (_, matters) => matters.AddUpdateAsync(matterId, new MatterUpdateInput("Raised with the Board."))) ).Succeeded);
        var stale = await App.AsAsync("AM", Administrator, (_, matters) => matters.SetDueAsync(matterId, loaded, meetingId));
        Assert.StartsWith("Raised with the Board.", stale.Conflict!.Current.Single(v => v.Field == "LatestUpdate").Value);

        // Once the due meeting has passed, the log's Overdue view lists the matter.
        await App.WithDbAsync(async db =>
        {
            var matter = await db.MattersArising.SingleAsync(m => m.Id == matterId);
            var passed = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            passed.Date = DateOnly.FromDateTime(DateTime.Today.AddDays(-1));
            matter.TrySetDue(passed);
            return await db.SaveChangesAsync();
        });
        var overdue = await App.AsAsync("AM", Administrator, (_, matters) => matters.LogAsync(Tracker.App.Features.Meetings.MatterView.Overdue));
        Assert.Contains(overdue.Matters, m => m.MinuteNumber == "65");
    }
}
