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

public static class MeetingsTestData
{
    public static Task<int> MeetingIdAsync(this TrackerAppFactory app, int year, int month, int day) =>
        app.WithDbAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(year, month, day)).Select(m => m.Id).SingleAsync());

    public static Task<int> MatterIdAsync(this TrackerAppFactory app, string minute, int year) =>
        app.WithDbAsync(db => db.MattersArising.Where(m => m.MinuteNumber == minute && m.MeetingDate.Year == year).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());

    /// <summary>Runs the meetings services as someone with the given initials and role.</summary>
    public static async Task<T> AsAsync<T>(this TrackerAppFactory app, string initials, string role,
        Func<MeetingsService, MattersArisingService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var person = await db.People.SingleAsync(p => p.Initials == initials);
        var user = new StubUser(person.Name, person.Id, role);
        var meetings = new MeetingsService(db, user, TimeProvider.System);
        return await work(meetings, new MattersArisingService(db, user, TimeProvider.System, meetings));
    }

    public const string Administrator = TrackerRoles.Administrator;
    public const string Chair = TrackerRoles.Chair;
    public const string Lead = TrackerRoles.Lead;
    public const string Member = TrackerRoles.Member;
}
