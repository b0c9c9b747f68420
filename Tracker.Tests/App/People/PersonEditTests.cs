using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.People;

public sealed class PersonEditTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    Task<int> IdOfAsync(string initials) =>
        app.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Save_Administrator_ChangesPersonAndAuditsOldAndNewValues()
    {
        var id = await IdOfAsync("EB");
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/people/{id}/edit", "person",
            new() { ["Form.RoleTitle"] = "Road Safety and Travel Manager" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Include(a => a.Changes)
            .Where(a => a.EntityType == "Person" && a.EntityKey == id.ToString() && a.Action == "Modified")
            .SingleAsync());
        Assert.Equal("Amanda Mumford", audit.UserName);
        var change = Assert.Single(audit.Changes);
        Assert.Equal(("RoleTitle", "Road Safety Manager", "Road Safety and Travel Manager"), (change.Property, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task Save_BlankName_ErrorSummaryAndTypedValuesKept()
    {
        var id = await IdOfAsync("LB");
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/people/{id}/edit", "person",
            new() { ["Form.Name"] = "", ["Form.RoleTitle"] = "Typed but not saved" });
        var page = await response.ParseAsync();

        Assert.Equal(["Enter the person's name"], page.ErrorSummary());
        Assert.Equal("#name", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Enter the person's name", page.FieldError("name"));
        Assert.Equal("Typed but not saved", page.QuerySelector("#role-title")!.GetAttribute("value"));
        Assert.Equal("Group Manager, MASH Team", await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.RoleTitle).SingleAsync()));
    }

    [Fact]
    public async Task Save_DuplicateInitials_Refused()
    {
        var id = await IdOfAsync("RD");
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/people/{id}/edit", "person", new() { ["Form.Initials"] = "am" })).ParseAsync();
        Assert.Equal(["Initials AM are already used by someone else"], page.ErrorSummary());
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_RefusedShowingTheirValueAndKeepingOurs()
    {
        var id = await IdOfAsync("JBR");
        var first = await app.SignInAsync("admin");
        var second = await app.SignInAsync("admin");

        // Both open the form; the first saves; the second then saves from the stale form.
        var staleForm = (await second.GetPageAsync($"/people/{id}/edit")).FormNamed("person").CurrentValues();
        await first.PostFormAsync($"/people/{id}/edit", "person", new() { ["Form.RoleTitle"] = "Their newer title" });
        staleForm["Form.RoleTitle"] = "My own title";
        var response = await second.PostAsync($"/people/{id}/edit", new FormUrlEncodedContent(staleForm));
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Contains("Amanda Mumford changed this record on", page.QuerySelector("[data-conflict]")!.TextContent);
        Assert.Equal("Their newer title", page.QuerySelector("[data-conflict-field=RoleTitle]")!.TextContent);
        Assert.Equal("My own title", page.QuerySelector("#role-title")!.GetAttribute("value"));
        Assert.Equal("Their newer title", await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.RoleTitle).SingleAsync()));

        // Saving again, having seen their version, replaces it deliberately.
        var again = await second.PostAsync($"/people/{id}/edit", new FormUrlEncodedContent(page.FormNamed("person").CurrentValues()));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("My own title", await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.RoleTitle).SingleAsync()));
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("member")]
    [InlineData("chair")]
    public async Task Get_NotAdministrator_AccessDenied(string account)
    {
        var client = await app.SignInAsync(account);
        var response = await client.GetAsync($"/people/{await IdOfAsync("PS")}/edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Post_NotAdministrator_RefusedAndNothingSaved()
    {
        var id = await IdOfAsync("TS");
        var admin = await app.SignInAsync("admin");
        var form = (await admin.GetPageAsync($"/people/{id}/edit")).FormNamed("person").CurrentValues();
        form["Form.RoleTitle"] = "Changed by a member";
        var member = await app.SignInAsync("member");
        // The member's own antiforgery token, the administrator's form values.
        var memberToken = (await member.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form["__RequestVerificationToken"] = memberToken;
        var response = await member.PostAsync($"/people/{id}/edit", new FormUrlEncodedContent(form));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Head of Street Enforcement", await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.RoleTitle).SingleAsync()));
    }
}
