using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Meetings;

/// <summary>A signed-in user for calling the services directly, to test their permission checks.</summary>
public sealed class StubUser(string displayName, int? personId, params string[] roles) : ICurrentUser
{
    public string? UserId => "stub";
    public string DisplayName => displayName;
    public int? PersonId => personId;
    public bool IsInRole(string role) => roles.Contains(role);
}

/// <summary>The meetings area's services as one signed-in person uses them.</summary>
public sealed record MeetingServices(MeetingsService Meetings, AgendaService Agenda, AttendanceService Attendance, MinutesService Minutes, SubGroupReportService Reports)
{
    public Task<IReadOnlyList<ForwardPlanMeeting>> ForwardPlanAsync() => Meetings.ForwardPlanAsync();
    public Task<IReadOnlyList<MeetingRow>> PastMeetingsAsync() => Meetings.PastMeetingsAsync();
    public Task<IReadOnlyList<MeetingRow>> ListAsync() => Meetings.ListAsync();
}

public static class MeetingsTestData
{
    public static Task<int> MeetingIdAsync(this TrackerAppFactory app, int year, int month, int day) =>
        app.WithDbAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(year, month, day)).Select(m => m.Id).SingleAsync());

    /// <summary>A future Strategic Group meeting of a test's own, so tests do not disturb the sample meetings.</summary>
    public static Task<int> NewMeetingAsync(this TrackerAppFactory app, int daysAhead, Action<Tracker.Domain.Meetings.Meeting>? setUp = null) => app.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
        var meeting = Tracker.Domain.Meetings.Meeting.Schedule(group, DateOnly.FromDateTime(DateTime.Today.AddDays(daysAhead)), new TimeOnly(10, 0), "Bromley Civic Centre");
        setUp?.Invoke(meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    public static Task<int> MatterIdAsync(this TrackerAppFactory app, string minute, int year) =>
        app.WithDbAsync(db => db.MattersArising.Where(m => m.MinuteNumber == minute && m.MeetingDate.Year == year).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());

    /// <summary>Runs the meetings services as someone with the given initials and role.</summary>
    public static async Task<T> AsAsync<T>(this TrackerAppFactory app, string initials, string role,
        Func<MeetingServices, MattersArisingService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        var person = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Initials == initials));
        var user = new StubUser(person.Name, person.Id, role);
        var clock = TimeProvider.System;
        var services = new MeetingServices(new MeetingsService(dbs, user, clock), new AgendaService(dbs, user), new AttendanceService(dbs, user),
            new MinutesService(dbs, user, clock), new SubGroupReportService(dbs, user, clock));
        return await work(services, new MattersArisingService(dbs, user, clock));
    }

    public const string Administrator = TrackerRoles.Administrator;
    public const string Chair = TrackerRoles.Chair;
    public const string Lead = TrackerRoles.Lead;
    public const string Member = TrackerRoles.Member;
}
