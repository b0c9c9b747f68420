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

    static AngleSharp.Dom.IElement Button(AngleSharp.Dom.IElement root, string startsWith) =>
        root.QuerySelectorAll("button").Single(b => b.TextContent.Trim().StartsWith(startsWith, StringComparison.Ordinal));

    static List<string?> AgendaNumbers<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("tr[data-agenda-item]").Select(r => r.GetAttribute("data-agenda-item")).ToList();

    [Fact]
    public async Task AgendaEditor_AddItems_ShownInPackAndForwardPlan()
    {
        var id = await NewMeetingAsync(50, m =>
        {
            m.AddAgendaItem("1", "Apologies for absence");
            m.AddAgendaItem("2", "Any other business");
        });
        var cut = await OpenAsync<AgendaEditor>("admin", p => p.Add(c => c.MeetingId, id), "[data-agenda-add] #Title");
        cut.Find("[data-agenda-add] #Title").Input("Quarterly progress report");
        cut.Find("[data-agenda-add] #Presenter").Input("Amanda Mumford");
        cut.Find("[data-agenda-add] #Presenter").Blur();
        cut.Find("[data-agenda-add] #PaperLink").Input("/actions/report");
        Button(cut.Find("[data-agenda-add]"), "Add item").Click();
        // It goes before any other business, and the agenda is renumbered.
        cut.WaitForAssertion(() => Assert.Contains("Quarterly progress report", cut.Find("tr[data-agenda-item='2']").TextContent));
        Assert.Contains("Any other business", cut.Find("tr[data-agenda-item='3']").TextContent);
        var added = await App.AsAsync("AM", Administrator, (s, _) =>
            s.Agenda.AddAgendaItemAsync(id, new AgendaItemInput(null, "Knife crime in Bromley", null, null, AgendaItemKind.Presentation)));
        Assert.True(added.Succeeded);
        // The other clerk's item arrives live.
        cut.WaitForAssertion(() => Assert.Contains("Knife crime in Bromley", cut.Find("tr[data-agenda-item='3']").TextContent));

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
    public async Task AgendaEditor_ChangeInvalid_ErrorsAndTypedValuesKept()
    {
        var id = await NewMeetingAsync(51, m => m.AddAgendaItem("7a", "Domestic abuse sub-group update"));
        var cut = await OpenAsync<AgendaEditor>("admin", p => p.Add(c => c.MeetingId, id), "tr[data-agenda-item]");
        Button(cut.Find("tr[data-agenda-item]"), "Change").Click();
        cut.Find("#Title").Input("");
        cut.Find("#PaperLink").Input("javascript:alert(1)");
        Button(cut.Find("tr[data-editing]"), "Save item").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Enter the title of the agenda item", "Link to the paper must start with / (a page of the tracker) or https://"],
            cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("Enter the title of the agenda item", FieldMessage(cut, "Title"));
        Assert.Equal("javascript:alert(1)", cut.Find("#PaperLink").GetAttribute("value"));
        Assert.Equal("Domestic abuse sub-group update", await App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task AgendaEditor_MoveUpAndRemove_NewOrderRenumbered()
    {
        var id = await NewMeetingAsync(52, m =>
        {
            m.AddAgendaItem("1", "Welcome and apologies");
            m.AddAgendaItem("2", "Minutes of the last meeting");
            m.AddAgendaItem("3", "Matters arising");
        });
        var cut = await OpenAsync<AgendaEditor>("admin", p => p.Add(c => c.MeetingId, id), "tr[data-agenda-item='3']");
        Button(cut.Find("tr[data-agenda-item='3']"), "Move up").Click();
        cut.WaitForAssertion(() => Assert.Contains("Matters arising", cut.Find("tr[data-agenda-item='2']").TextContent));
        Assert.Empty(cut.FindAll("[data-error-summary]"));
        // Found and clicked in one go: the move's own live event may re-render the list in between.
        await cut.InvokeAsync(() => Button(cut.Find("tr[data-agenda-item='1']"), "Remove").Click());

        cut.WaitForAssertion(() => Assert.Equal(["1", "2"], AgendaNumbers(cut)));
        var titles = await App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => a.Number + " " + a.Title).ToListAsync());
        Assert.Equal(["1 Matters arising", "2 Minutes of the last meeting"], titles);
    }

    [Fact]
    public async Task AgendaEditor_OthersChange_ReRendersAndKeepsTypedEdit()
    {
        var id = await NewMeetingAsync(53, m =>
        {
            m.AddAgendaItem("5", "Sub-group reports");
            m.AddAgendaItem("6", "Police update");
        });
        var items = await App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync());
        var cut = await OpenAsync<AgendaEditor>("admin", p => p.Add(c => c.MeetingId, id), "tr[data-agenda-item='5']");
        Button(cut.Find("tr[data-agenda-item='5']"), "Change").Click();
        cut.Find("#Title").Input("My title");
        // Another clerk renames the item being changed and the one after it.
        var theirs = await App.AsAsync("AM", Administrator, async (s, _) => new[]
        {
            await s.Agenda.UpdateAgendaItemAsync(id, items[0], 1, new AgendaItemInput("5", "Their title", null, null, AgendaItemKind.Business)),
            await s.Agenda.UpdateAgendaItemAsync(id, items[1], 1, new AgendaItemInput("6", "Crime update", "Colin Carswell", null, AgendaItemKind.Business)),
        });
        Assert.All(theirs, r => Assert.True(r.Succeeded));

        // The other row re-renders live; the row being typed in is kept, with a notice.
        cut.WaitForAssertion(() => Assert.Contains("Crime update", cut.Find("tr[data-agenda-item='6']").TextContent));
        cut.WaitForElement("[data-changed-elsewhere]");
        Assert.Equal("My title", cut.Find("#Title").GetAttribute("value"));
        Button(cut.Find("tr[data-editing]"), "Save item").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("Their title", cut.Find("[data-conflict-field=Title] [data-theirs]").TextContent);
        // A move from the version before their change is refused too.
        var staleMove = await App.AsAsync("AM", Administrator, (s, _) => s.Agenda.ReorderAgendaItemAsync(id, items[0], 1, null));
        Assert.NotNull(staleMove.Conflict);
    }

    // ---- Attendance ----

    [Fact]
    public async Task Attendance_AddSubstituteAndApologies_PackUsesMinutesWording()
    {
        var id = await NewMeetingAsync(60);
        var ps = await PersonIdAsync("PS");
        var rv = await PersonIdAsync("RV");
        // The substitute is recorded; the member they stand in for is recorded as sending apologies with them.
        var results = await App.AsAsync("AM", Administrator, async (s, _) => new[]
        {
            await s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Present, ps, rv)),
            await s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Apologies, rv, null)),
        });
        Assert.True(results[0].Succeeded);
        Assert.Equal(AttendanceKind.Apologies, await App.WithDbAsync(db => db.Attendance.Where(a => a.MeetingId == id && a.PersonId == rv).Select(a => a.Kind).SingleAsync()));
        Assert.EndsWith("is already in the attendance for this meeting", Assert.Single(results[1].Errors).Message);

        await SignInAsAsync("admin");
        var pack = Render<MeetingPackPage>(p => p.Add(c => c.Id, id));
        pack.WaitForElement("[data-attendance=Present]");
        var (psName, rvName) = await App.WithDbAsync(async db => (await db.People.Where(p => p.Id == ps).Select(p => p.Name).SingleAsync(), await db.People.Where(p => p.Id == rv).Select(p => p.Name).SingleAsync()));
        var present = pack.Find("[data-attendance=Present]").TextContent;
        Assert.Contains($"{psName} (", present);
        Assert.Contains($"(substituting for {rvName})", present);
        Assert.Contains(rvName, pack.Find("[data-attendance=Apologies]").TextContent);
    }

    [Fact]
    public async Task Services_AttendanceInvalid_Refused()
    {
        var id = await NewMeetingAsync(61);
        var ps = await PersonIdAsync("PS");
        var refused = await App.AsAsync("AM", Administrator, (s, _) => s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Apologies, ps, ps)));
        Assert.Equal(["Someone who sent apologies cannot attend as a substitute", "Select someone other than the person attending as the one they substituted for"],
            refused.Errors.Select(e => e.Message));
        Assert.Equal(0, await App.WithDbAsync(db => db.Attendance.CountAsync(a => a.MeetingId == id)));
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
