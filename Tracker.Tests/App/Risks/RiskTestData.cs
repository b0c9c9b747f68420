using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>Someone signed in with one role, for service tests that need people the demo accounts do not cover.</summary>
sealed class RiskStubUser(string role, int? personId, string name) : ICurrentUser
{
    public string? UserId => $"stub-{personId}";
    public string DisplayName => name;
    public int? PersonId => personId;
    public bool IsInRole(string r) => r == role;
}

static class RiskTestData
{
    public static Task<int> RiskIdAsync(this TrackerAppFactory app, string reference) =>
        app.WithDbAsync(db => db.Risks.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

    public static Task<Risk> RiskAsync(this TrackerAppFactory app, string reference) =>
        app.WithDbAsync(db => db.Risks.AsNoTracking().Include(r => r.Assessments).Include(r => r.FurtherActions).Include(r => r.Reviews)
            .SingleAsync(r => r.Reference == reference));

    public static Task<int> GroupIdAsync(this TrackerAppFactory app, string shortName) =>
        app.WithDbAsync(db => db.Groups.Where(g => g.ShortName == shortName).Select(g => g.Id).SingleAsync());

    public static IDbContextFactory<TrackerDbContext> Dbs(this TrackerAppFactory app) =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>();

    /// <summary>The person with these initials, signed in with <paramref name="role"/>.</summary>
    public static async Task<ICurrentUser> UserAsync(this TrackerAppFactory app, string role, string initials)
    {
        var person = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Initials == initials));
        return new RiskStubUser(role, person.Id, person.Name);
    }

    /// <summary>The register's reads as this person sees them (without the app's cache: every read is fresh).</summary>
    public static async Task<RiskRegisterQueries> QueriesAsync(this TrackerAppFactory app, string role = Tracker.Domain.People.TrackerRoles.Member, string initials = "BB") =>
        new(app.Dbs(), await app.UserAsync(role, initials), TimeProvider.System);

    public static async Task<RiskService> WritesAsync(this TrackerAppFactory app, string role, string initials) =>
        new(app.Dbs(), await app.UserAsync(role, initials), TimeProvider.System);

    /// <summary>The references of the register's rows, in order.</summary>
    public static IReadOnlyList<string> References(this RiskRegister register) => register.Rows.Select(r => r.Reference).ToList();

    /// <summary>The references of a rendered register table's rows, in order.</summary>
    public static IReadOnlyList<string> References<T>(this IRenderedComponent<T> cut) where T : class, Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("[data-risk-table] tbody tr[data-risk]").Select(r => r.GetAttribute("data-risk")!).ToList();

    /// <summary>Chooses a value in the MudSelect whose input has this id, as a user picking an option does.</summary>
    public static Task ChooseAsync<T, TValue>(this IRenderedComponent<T> cut, string inputId, TValue value) where T : class, Microsoft.AspNetCore.Components.IComponent
    {
        var select = cut.FindComponents<MudSelect<TValue>>().Single(s => s.Instance.GetState(x => x.InputId) == inputId);
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    /// <summary>The error summary's messages.</summary>
    public static IReadOnlyList<string> Summary<T>(this IRenderedComponent<T> cut) where T : class, Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim()).ToList();

    /// <summary>The message shown beside the MudBlazor field whose input has this id.</summary>
    public static string FieldText<T>(this IRenderedComponent<T> cut, string inputId) where T : class, Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($".mud-input-control:has(#{inputId})").TextContent;
}
