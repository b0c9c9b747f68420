using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Meetings;

/// <summary>Setting up a meeting: standing items, the pre-filled agenda, reordering, and attendance on one screen.</summary>
public sealed class MeetingSetupTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<T> AsClerkAsync<T>(Func<StandingItemsService, MeetingServices, Task<T>> work, string role = TrackerRoles.Administrator)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        var person = await App.WithDbAsync(db => db.People.SingleAsync(p => p.Initials == "AM"));
        var user = new StubUser(person.Name, person.Id, role);
        var services = new MeetingServices(new MeetingsService(dbs, user, TimeProvider.System), new AgendaService(dbs, user), new AttendanceService(dbs, user),
            new MinutesService(dbs, user, TimeProvider.System), new SubGroupReportService(dbs, user, TimeProvider.System));
        return await work(new StandingItemsService(dbs, user), services);
    }

    Task<int> GroupIdAsync(string shortName) => App.WithDbAsync(db => db.Groups.Where(g => g.ShortName == shortName).Select(g => g.Id).SingleAsync());
    Task<int> PersonIdAsync(string initials) => App.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    Task<List<string>> AgendaAsync(int meetingId) => App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Order)
        .Select(a => a.Number + " " + a.Title).ToListAsync());

    static string Future(int days) => UkDates.Short(DateOnly.FromDateTime(DateTime.Today.AddDays(days)));

    [Fact]
    public async Task StandingItems_AddMoveChangeRemove_KeptInOrderAndUsedByTheNextAgenda()
    {
        var prevent = await GroupIdAsync("Prevent");
        var results = await AsClerkAsync(async (standing, _) =>
        {
            var a = await standing.AddAsync(prevent, new StandingItemInput("Channel panel update", "Rob Vale"));
            var b = await standing.AddAsync(prevent, new StandingItemInput("Prevent duty training", null));
            var c = await standing.AddAsync(prevent, new StandingItemInput("Referrals", null));
            var moved = await standing.ReorderAsync(c.Id, c.Version, -1);
            var changed = await standing.UpdateAsync(b.Id, b.Version + 1, new StandingItemInput("Prevent duty training update", "Amanda Mumford"));
            var stale = await standing.UpdateAsync(a.Id, a.Version + 5, new StandingItemInput("Too late", null));
            var removed = await standing.ReorderAsync(a.Id, a.Version, null);
            return (moved, changed, stale, removed);
        });
        Assert.True(results.moved.Succeeded);
        Assert.True(results.changed.Succeeded, string.Join(", ", results.changed.Errors.Select(e => e.Message)));
        Assert.NotNull(results.stale.Conflict);
        Assert.True(results.removed.Succeeded);
        var items = await AsClerkAsync((s, _) => s.ListAsync(prevent));
        Assert.Equal([(1, "Referrals", ""), (2, "Prevent duty training update", "Amanda Mumford")], items.Select(i => (i.Order, i.Title, i.Presenter)));

        // The sub-group's first meeting: its agenda is the opening items, its standing items and the closing items.
        var scheduled = await AsClerkAsync((_, s) => s.Meetings.ScheduleAsync(new MeetingInput(prevent, Future(30), "14:00", "Civic Centre", null, false, null)));
        Assert.True(scheduled.Succeeded);
        Assert.Equal(["1 Apologies for absence", "2 Minutes of the previous meeting", "3 Matters outstanding",
            "4 Questions received from Councillors or members of the public", "5 Referrals", "6 Prevent duty training update",
            "7 Any other business", "8 Date and time of next meeting"], await AgendaAsync(scheduled.Id));
    }

    [Fact]
    public async Task StandingItems_NotClerk_RefusedAndInvalidRefused()
    {
        var prevent = await GroupIdAsync("Prevent");
        var denied = await AsClerkAsync((s, _) => s.AddAsync(prevent, new StandingItemInput("MOPAC update", null)), TrackerRoles.Chair);
        Assert.NotNull(denied.Denied);
        var invalid = await AsClerkAsync((s, _) => s.AddAsync(prevent, new StandingItemInput(" ", null)));
        Assert.Equal(["Enter the title of the standing item"], invalid.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task Schedule_StrategicGroup_AgendaFromPreviousAgendaStandingItemsAndSubGroups()
    {
        var strategic = await GroupIdAsync("Strategic Group");
        var scheduled = await AsClerkAsync((_, s) => s.Meetings.ScheduleAsync(new MeetingInput(strategic, Future(45), "10:00", "Bromley Civic Centre", null, false, null)));
        Assert.True(scheduled.Succeeded);
        var date = DateOnly.FromDateTime(DateTime.Today.AddDays(45));
        var previous = await App.WithDbAsync(db => db.Meetings.Where(m => m.GroupId == strategic && m.Date < date).OrderByDescending(m => m.Date).FirstAsync());
        var agenda = await AgendaAsync(scheduled.Id);

        Assert.Equal(["1 Apologies for absence", $"2 Minutes of the previous meeting held on {UkDates.Long(previous.Date)}", "3 Matters outstanding",
            "4 Questions received from Councillors or members of the public"], agenda.Take(4));
        // The previous agenda's business carried (the sample's standard agenda), then the standing items not already on it.
        Assert.Equal(["5 SBP Strategy quarterly update", "6 Crime update", "7 Risk register", "8 Chairman's update", "9 Police update", "10 MOPAC update",
            "11 Update from London Ambulance Service", "12 Safer Neighbourhood Board update", "13 Reports from sub-groups"], agenda.Skip(4).Take(9));
        var subGroups = await App.WithDbAsync(db => db.Groups.CountAsync(g => g.ParentGroupId == strategic));
        Assert.Equal(Enumerable.Range(0, subGroups).Select(i => $"13{(char)('a' + i)}"), agenda.Skip(13).Take(subGroups).Select(a => a.Split(' ')[0]));
        Assert.Equal(["14 Any other business", "15 Date and time of next meeting"], agenda.TakeLast(2));
        var presenters = await App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == scheduled.Id && a.Presenter != "").Select(a => a.Title + ": " + a.Presenter).ToListAsync());
        Assert.Contains("Crime update: Colin Carswell", presenters);
        Assert.Contains("ASB and Envirocrime sub-group update: Peter Sibley", presenters);
    }

    [Fact]
    public async Task MoveAgendaItemTo_DraggedAndStale_RenumberedOrRefused()
    {
        var id = await App.NewMeetingAsync(70, m =>
        {
            m.AddAgendaItem("1", "Apologies for absence");
            m.AddAgendaItem("2", "Reports from sub-groups");
            m.AddAgendaItem("2a", "Prevent sub-group update");
            m.AddAgendaItem("3", "MOPAC update");
        });
        var items = await App.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => new { a.Id, a.Version }).ToListAsync());
        var results = await AsClerkAsync(async (_, s) => new[]
        {
            await s.Agenda.MoveAgendaItemToAsync(id, items[3].Id, items[3].Version, 1),
            await s.Agenda.MoveAgendaItemToAsync(id, items[0].Id, items[0].Version - 1, 3),
            await s.Agenda.MoveAgendaItemToAsync(id, items[0].Id, items[0].Version, 9),
        });
        Assert.True(results[0].Succeeded);
        Assert.NotNull(results[1].Conflict);
        Assert.Equal(["That is not a place on the agenda"], results[2].Errors.Select(e => e.Message));
        Assert.Equal(["1 Apologies for absence", "2 MOPAC update", "3 Reports from sub-groups", "3a Prevent sub-group update"], await AgendaAsync(id));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(AgendaItem) && e.EntityKey == items[3].Id.ToString())));
    }

    // ---- Attendance on one screen ----

    [Fact]
    public async Task AttendanceGrid_MarkMembersAndAddVisitor_SavedAndReRenderedOnOthersChanges()
    {
        var id = await App.NewMeetingAsync(71);
        var (kl, rv, sw) = (await PersonIdAsync("KL"), await PersonIdAsync("RV"), await PersonIdAsync("PJ"));
        await SignInAsAsync("admin");
        var cut = Render<AttendanceGrid>(p => p.Add(c => c.MeetingId, id));
        cut.WaitForElement($"tr[data-member='{kl}']");

        // The clerk marks the chair present: saved at once.
        cut.Find($"tr[data-member='{kl}'] input[value=Present]").Change(true);
        cut.WaitForAssertion(() => Assert.True(cut.Find($"tr[data-member='{kl}'] input[value=Present]").HasAttribute("checked")));
        Assert.Equal(AttendanceKind.Present, await App.WithDbAsync(db => db.Attendance.Where(a => a.MeetingId == id && a.PersonId == kl).Select(a => a.Kind).SingleAsync()));

        // Another clerk records Rob Vale's apologies and a visitor standing in for him: the grid re-renders.
        var theirs = await AsClerkAsync(async (_, s) => new[]
        {
            await s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Apologies, rv, null)),
            await s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.AlsoPresent, sw, rv)),
        });
        Assert.All(theirs, r => Assert.True(r.Succeeded));
        cut.WaitForAssertion(() => Assert.True(cut.Find($"tr[data-member='{rv}'] input[value=Apologies]").HasAttribute("checked")));
        cut.WaitForAssertion(() => Assert.Equal(rv.ToString(), cut.Find($"tr[data-visitor='{sw}'] select option[selected]").GetAttribute("value")));

        // Marking the chair absent removes the row; the visitor is no longer a substitute once changed.
        cut.Find($"tr[data-member='{kl}'] input[value=Absent]").Change(true);
        cut.WaitForAssertion(() => Assert.True(cut.Find($"tr[data-member='{kl}'] input[value=Absent]").HasAttribute("checked")));
        cut.Find($"tr[data-visitor='{sw}'] select").Change("");
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find($"tr[data-visitor='{sw}'] select option[selected]").GetAttribute("value")), TimeSpan.FromSeconds(3));
        var rows = await App.WithDbAsync(db => db.Attendance.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => new { a.PersonId, a.Kind, a.SubstituteFor }).ToListAsync());
        Assert.Equal([(rv, AttendanceKind.Apologies, (string?)null), (sw, AttendanceKind.AlsoPresent, null)], rows.Select(r => (r.PersonId!.Value, r.Kind, r.SubstituteFor)));
    }

    [Fact]
    public async Task AttendanceGrid_AddVisitorWithoutChoosing_ErrorBesideTheSearch()
    {
        var id = await App.NewMeetingAsync(72);
        await SignInAsAsync("admin");
        var cut = Render<AttendanceGrid>(p => p.Add(c => c.MeetingId, id));
        cut.WaitForElement("#PersonId");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add to also present").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Select the person"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("#PersonId", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains("Select the person", cut.Find(".mud-input-control:has(#PersonId)").TextContent);
    }

    /// <summary>Two members of the Strategic Group (by surname) and someone who is not a member.</summary>
    Task<(int First, string FirstName, int Second, string SecondName, int Visitor, string VisitorName)> PeopleAsync() => App.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
        var members = await db.GroupMembers.Where(m => m.GroupId == group.Id && m.Person!.IsActive).OrderBy(m => m.PersonId).Select(m => new { m.PersonId, m.Person!.Name }).ToListAsync();
        var ids = members.Select(m => m.PersonId).ToList();
        var visitor = await db.People.Where(p => p.IsActive && !ids.Contains(p.Id)).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync();
        return (members[0].PersonId, members[0].Name, members[1].PersonId, members[1].Name, visitor.Id, visitor.Name);
    });

    [Fact]
    public async Task SaveAttendance_SubstituteForAbsentMember_MemberRecordedWithApologiesAndMinutedSo()
    {
        var id = await App.NewMeetingAsync(73);
        var p = await PeopleAsync();

        // A visitor attends for the first member, who had no row: the member's apologies are recorded.
        var visitor = await AsClerkAsync((_, s) => s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.AlsoPresent, p.Visitor, p.First)));
        Assert.True(visitor.Succeeded, string.Join(", ", visitor.Errors.Select(e => e.Message)));
        var rows = await App.WithDbAsync(db => db.Attendance.Where(a => a.MeetingId == id).Select(a => new { a.PersonId, a.Kind, a.SubstituteFor }).ToListAsync());
        Assert.Contains(rows, r => r.PersonId == p.First && r.Kind == AttendanceKind.Apologies);
        Assert.Contains(rows, r => r.PersonId == p.Visitor && r.SubstituteFor == p.FirstName);

        // The minutes: the substitute "(substituting for …)", the member's apologies with who attended for them.
        var minutes = (await AsClerkAsync((_, s) => s.Minutes.GetMinutesAsync(id)))!;
        Assert.EndsWith($"(substituting for {p.FirstName})", minutes.Attendance.Single(a => a.Kind == AttendanceKind.AlsoPresent).Text);
        Assert.EndsWith($"; {p.VisitorName} attended as substitute", minutes.Attendance.Single(a => a.Kind == AttendanceKind.Apologies).Text);

        // The member cannot now be marked present while someone attends for them.
        var present = await AsClerkAsync((_, s) => s.Attendance.AttendanceForEditAsync(id));
        var firstRow = present.Single(r => r.PersonId == p.First);
        var refused = await AsClerkAsync((_, s) => s.Attendance.UpdateAttendanceAsync(id, firstRow.Id, firstRow.Version, new AttendanceInput(AttendanceKind.Present, p.First, null)));
        Assert.Equal((nameof(AttendanceInput.Kind), $"{p.VisitorName} attended as substitute for {p.FirstName}: change that first, or record {p.FirstName}'s apologies"),
            (Assert.Single(refused.Errors).Field, refused.Errors[0].Message));
    }

    [Fact]
    public async Task SaveAttendance_SubstituteForMemberWhoIsPresent_RefusedWithAClearMessage()
    {
        var id = await App.NewMeetingAsync(74);
        var p = await PeopleAsync();
        Assert.True((await AsClerkAsync((_, s) => s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Present, p.First, null)))).Succeeded);
        var second = await AsClerkAsync((_, s) => s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.Present, p.Second, null)));

        // A member present substitutes for another member who is present: refused, nothing changed.
        var refused = await AsClerkAsync((_, s) => s.Attendance.UpdateAttendanceAsync(id, second.Id, second.Version, new AttendanceInput(AttendanceKind.Present, p.Second, p.First)));
        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(AttendanceInput.SubstituteForId), $"{p.FirstName} is recorded as present, so no one can attend as their substitute"), (error.Field, error.Message));
        var visitor = await AsClerkAsync((_, s) => s.Attendance.AddAttendanceAsync(id, new AttendanceInput(AttendanceKind.AlsoPresent, p.Visitor, p.First)));
        Assert.Equal($"{p.FirstName} is recorded as present, so no one can attend as their substitute", Assert.Single(visitor.Errors).Message);
        var rows = await App.WithDbAsync(db => db.Attendance.Where(a => a.MeetingId == id).Select(a => new { a.PersonId, a.Kind, a.SubstituteFor }).ToListAsync());
        Assert.Equal([(p.First, AttendanceKind.Present, (string?)null), (p.Second, AttendanceKind.Present, null)],
            rows.OrderBy(r => r.PersonId).Select(r => (r.PersonId!.Value, r.Kind, r.SubstituteFor)));
    }

    [Fact]
    public async Task AttendanceGrid_MemberPresentSubstitutesForAnother_ThatMemberReRendersWithApologies()
    {
        var id = await App.NewMeetingAsync(75);
        var p = await PeopleAsync();
        await SignInAsAsync("admin");
        var cut = Render<AttendanceGrid>(c => c.Add(x => x.MeetingId, id));
        cut.WaitForElement($"tr[data-member='{p.Second}']");
        Assert.Empty(cut.FindAll($"tr[data-member='{p.Second}'] select"));

        // Marked present, the member is offered "attended as substitute for".
        cut.Find($"tr[data-member='{p.Second}'] input[value=Present]").Change(true);
        cut.WaitForElement($"tr[data-member='{p.Second}'] select");
        Assert.Equal($"{p.SecondName} attended as substitute for", cut.Find($"tr[data-member='{p.Second}'] label[for^=substitute-]").TextContent.Trim());
        Assert.DoesNotContain(cut.FindAll($"tr[data-member='{p.Second}'] option"), o => o.GetAttribute("value") == p.Second.ToString());

        cut.Find($"tr[data-member='{p.Second}'] select").Change(p.First.ToString());

        cut.WaitForAssertion(() => Assert.True(cut.Find($"tr[data-member='{p.First}'] input[value=Apologies]").HasAttribute("checked")), TimeSpan.FromSeconds(5));
        Assert.Equal(p.First.ToString(), cut.Find($"tr[data-member='{p.Second}'] select option[selected]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-error-summary]"));

        // Marking the substituted member present is refused in words at the top of the grid.
        cut.Find($"tr[data-member='{p.First}'] input[value=Present]").Change(true);
        cut.WaitForAssertion(() => Assert.Contains($"attended as substitute for {p.FirstName}: change that first", cut.Find("[data-error-summary]").TextContent));
        Assert.True(cut.Find($"tr[data-member='{p.First}'] input[value=Apologies]").HasAttribute("checked"));
    }
}
