using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.People;
using Tracker.App.Live;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.People;

/// <summary>The person form as an administrator uses it: real services, real database, real change feed.</summary>
public abstract class PersonEditTestsBase(TrackerAppFactory app) : ComponentTestContext(app)
{
    Task<int> IdOfAsync(string initials) =>
        App.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    Task<string> RoleTitleAsync(int id) =>
        App.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.RoleTitle).SingleAsync());

    async Task<IRenderedComponent<PersonEdit>> OpenAsync(int id)
    {
        await SignInAsAsync("admin");
        var cut = Render<PersonEdit>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("#Name").GetAttribute("value")!));
        return cut;
    }

    static void Type(IRenderedComponent<PersonEdit> cut, string id, string value) => cut.Find($"#{id}").Input(value);

    [ProviderFact]
    public async Task Save_Administrator_ChangesPersonAndAuditsOldAndNewValues()
    {
        var id = await IdOfAsync("EB");
        var cut = await OpenAsync(id);
        Type(cut, "RoleTitle", "Road Safety and Travel Manager");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.EndsWith("/people", Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.Uri));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Include(a => a.Changes)
            .Where(a => a.EntityType == "Person" && a.EntityKey == id.ToString() && a.Action == "Modified")
            .SingleAsync());
        Assert.Equal("Amanda Mumford", audit.UserName);
        var change = Assert.Single(audit.Changes);
        Assert.Equal(("RoleTitle", "Road Safety Manager", "Road Safety and Travel Manager"), (change.Property, change.OldValue, change.NewValue));
    }

    [ProviderFact]
    public async Task Save_BlankName_ErrorSummaryAndFieldMessageAndTypedValuesKept()
    {
        var id = await IdOfAsync("LB");
        var cut = await OpenAsync(id);
        Type(cut, "Name", "");
        Type(cut, "RoleTitle", "Typed but not saved");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Enter the person's name"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("#Name", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains("Enter the person's name", cut.Find(".mud-input-control:has(#Name)").TextContent);
        Assert.Equal("Typed but not saved", cut.Find("#RoleTitle").GetAttribute("value"));
        Assert.Equal("Group Manager, MASH Team", await RoleTitleAsync(id));
    }

    [ProviderFact]
    public async Task Save_DuplicateInitials_Refused()
    {
        var cut = await OpenAsync(await IdOfAsync("RD"));
        Type(cut, "Initials", "am");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Initials AM are already used by someone else"], cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
    }

    [ProviderFact]
    public async Task Save_AfterSomeoneElseSaved_ComparisonFieldByFieldAndOwnTextKept()
    {
        var id = await IdOfAsync("JBR");
        var cut = await OpenAsync(id);
        Type(cut, "RoleTitle", "My own title");

        // Someone else saves first.
        var (scope, people) = await AsAsync<PeopleService>("admin");
        await using (scope) await SaveRoleTitleAsync(people, id, "Their newer title");
        // A change notice while typing, never a replaced form.
        cut.WaitForAssertion(() => Assert.Contains("Amanda Mumford changed this record", cut.Find("[data-changed-elsewhere]").TextContent));
        Assert.Equal("My own title", cut.Find("#RoleTitle").GetAttribute("value"));

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("Their newer title", cut.Find("[data-conflict-field=RoleTitle] [data-theirs]").TextContent));
        Assert.Equal("My own title", cut.Find("[data-conflict-field=RoleTitle] [data-mine]").TextContent);
        Assert.Equal("My own title", cut.Find("#RoleTitle").GetAttribute("value"));
        Assert.Equal("Their newer title", await RoleTitleAsync(id));

        // Saving again, having seen their version, replaces it deliberately.
        await cut.Find("form").SubmitAsync();
        await Task.Delay(100);
        Assert.Equal("My own title", await RoleTitleAsync(id));
    }

    [ProviderFact]
    public async Task UseTheirs_AfterConflict_PutsTheirValueInTheForm()
    {
        var id = await IdOfAsync("TS");
        var cut = await OpenAsync(id);
        Type(cut, "RoleTitle", "Mine");
        var (scope, people) = await AsAsync<PeopleService>("admin");
        await using (scope) await SaveRoleTitleAsync(people, id, "Theirs");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => cut.Find("[data-conflict-field=RoleTitle] button").Click());
        Assert.Equal("Theirs", cut.Find("#RoleTitle").GetAttribute("value"));
    }

    [ProviderFact]
    public async Task ChangeElsewhere_FormUntouched_ShowsTheNewValues()
    {
        var id = await IdOfAsync("PS");
        var cut = await OpenAsync(id);
        var (scope, people) = await AsAsync<PeopleService>("admin");
        await using (scope) await SaveRoleTitleAsync(people, id, "Renamed elsewhere");
        cut.WaitForAssertion(() => Assert.Equal("Renamed elsewhere", cut.Find("#RoleTitle").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-changed-elsewhere]"));
    }

    [ProviderFact]
    public async Task Dispose_Page_StopsFollowingThePerson()
    {
        var id = await IdOfAsync("AM");
        var before = Feed.SubscriberCount($"people:{id}");
        var cut = await OpenAsync(id);
        Assert.Equal(before + 1, Feed.SubscriberCount($"people:{id}"));
        await DisposeComponentsAsync();
        Assert.Equal(before, Feed.SubscriberCount($"people:{id}"));
    }

    [ProviderTheory]
    [InlineData("lead")]
    [InlineData("member")]
    [InlineData("chair")]
    public async Task Get_NotAdministrator_AccessDenied(string account)
    {
        var client = await App.SignInAsync(account);
        var response = await client.GetAsync($"/people/{await IdOfAsync("PS")}/edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [ProviderTheory]
    [InlineData("member")]
    [InlineData("lead")]
    public async Task Update_NotAdministrator_RefusedAndNothingSaved(string account)
    {
        var id = await IdOfAsync("TS");
        var (scope, people) = await AsAsync<PeopleService>(account);
        await using var _ = scope;
        var person = (await people.GetForEditAsync(id))!;
        var result = await people.UpdateAsync(id, person.Version, person.Input with { RoleTitle = "Changed by a member" });
        Assert.Equal("Only administrators can change people's details", result.Denied);
        Assert.NotEqual("Changed by a member", await RoleTitleAsync(id));
    }

    static async Task SaveRoleTitleAsync(PeopleService people, int id, string title)
    {
        var person = (await people.GetForEditAsync(id))!;
        var result = await people.UpdateAsync(id, person.Version, person.Input with { RoleTitle = title });
        Assert.True(result.Succeeded);
    }
}

/// <summary>The cases of <see cref="PersonEditTestsBase"/> on SQLite (the default provider).</summary>
public sealed class PersonEditTests(TrackerAppFactory app) : PersonEditTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class PersonEditTestsOnPostgreSql(PostgreSqlAppFactory app) : PersonEditTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
