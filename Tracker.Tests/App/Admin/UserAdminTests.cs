using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Accounts;
using Tracker.App.Features.Admin;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Admin;

/// <summary>Users and roles as an administrator uses them: the interactive pages over the real services and database.</summary>
public sealed class UserAdminTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    Task<string> IdOfAsync(string email) =>
        App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    static void Type(IRenderedComponent<UserEdit> cut, string id, string value) => cut.Find($"#{id}").Input(value);

    static void ChooseRole(IRenderedComponent<UserEdit> cut, string role) =>
        cut.Find($"input[type=radio][aria-describedby='role-hint-{role}']").Click();

    static IReadOnlyList<string> Summary(IRenderedComponent<UserEdit> cut) =>
        cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim()).ToList();

    async Task<IRenderedComponent<UserEdit>> OpenNewAsync()
    {
        await SignInAsAsync("admin");
        return Render<UserEdit>();
    }

    async Task<IRenderedComponent<UserEdit>> OpenAsync(string email)
    {
        await SignInAsAsync("admin");
        var id = await IdOfAsync(email);
        var cut = Render<UserEdit>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(email, cut.Find("#Email").GetAttribute("value")));
        return cut;
    }

    async Task<string> RowTextAsync(string email)
    {
        await SignInAsAsync("admin");
        var list = Render<Users>();
        string text = "";
        list.WaitForAssertion(() => text = list.Find($"tr[data-user='{email}']").TextContent);
        return text;
    }

    [Fact]
    public async Task Create_ShortPassword_RefusedWithMessageBesideFieldAndTypedValuesKept()
    {
        var cut = await OpenNewAsync();
        Type(cut, "DisplayName", "Short Password");
        Type(cut, "Email", "short@example.org");
        Type(cut, "Password", "short");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Password must be 12 characters or more"], Summary(cut)));
        Assert.Equal("#Password", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains("Password must be 12 characters or more", cut.Find(".mud-input-control:has(#Password)").TextContent);
        Assert.Equal("short@example.org", cut.Find("#Email").GetAttribute("value"));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "short@example.org")));
    }

    [Fact]
    public async Task Create_Blank_AsksForEachField()
    {
        var cut = await OpenNewAsync();
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(
            ["Enter the email address", "Enter the name to show for this user", "Enter a password"], Summary(cut)));
    }

    [Fact]
    public async Task Create_DuplicateEmail_Refused()
    {
        var cut = await OpenNewAsync();
        Type(cut, "DisplayName", "Second Member");
        Type(cut, "Email", "member@example.org");
        Type(cut, "Password", "a-long-enough-password");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("A user with this email address already exists", Summary(cut)));
    }

    [Fact]
    public async Task Create_ThenDisable_UserCanNoLongerSignIn()
    {
        var cut = await OpenNewAsync();
        Type(cut, "DisplayName", "Temporary Officer");
        Type(cut, "Email", "temp@example.org");
        Type(cut, "Password", "temporary-password-1");
        ChooseRole(cut, "Lead");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/users", Uri));
        var row = await RowTextAsync("temp@example.org");
        Assert.Contains("Lead", row);
        Assert.Contains("Active", row);

        var userSession = await App.SignInAsync("temp@example.org", "temporary-password-1");
        Assert.Equal(HttpStatusCode.OK, (await userSession.GetAsync("/")).StatusCode);

        var edit = await OpenAsync("temp@example.org");
        edit.Find("[data-field=IsDisabled] input").Change(true);
        await edit.Find("form").SubmitAsync();
        edit.WaitForAssertion(() => Assert.EndsWith("/admin/users", Uri));
        Assert.Contains("Disabled", await RowTextAsync("temp@example.org"));

        var again = await App.CreatePlainClient().PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = "temp@example.org", ["Input.Password"] = "temporary-password-1" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], (await again.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Update_OwnAdministratorRole_RefusedBesideRole()
    {
        var cut = await OpenAsync("admin@example.org");
        ChooseRole(cut, "Member");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["You cannot remove your own administrator role or disable your own account"], Summary(cut)));
        Assert.Equal("#Role", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains("You cannot remove your own administrator role", cut.Find("#Role-error").TextContent);
    }

    [Fact]
    public async Task Update_AfterAnotherAdministratorSaved_ComparisonAndOwnTextKept()
    {
        await App.CreateUserAsync("stale@example.org", "a-long-enough-password", name: "Stale Officer");
        var cut = await OpenAsync("stale@example.org");
        Type(cut, "DisplayName", "My name for them");

        var (scope, users) = await AsAsync<UserAdminService>("admin");
        await using (scope)
        {
            var id = await IdOfAsync("stale@example.org");
            var theirs = (await users.GetAsync(id))!;
            theirs.DisplayName = "Their name for them";
            Assert.True((await users.UpdateAsync(id, theirs)).Succeeded);
        }

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("Their name for them", cut.Find("[data-conflict-field=DisplayName] [data-theirs]").TextContent));
        Assert.Equal("My name for them", cut.Find("#DisplayName").GetAttribute("value"));
        Assert.Equal("Their name for them", await App.WithDbAsync(db => db.Users.Where(u => u.Email == "stale@example.org").Select(u => u.DisplayName).SingleAsync()));

        // Having seen their version, saving again replaces it deliberately.
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/users", Uri));
        Assert.Equal("My name for them", await App.WithDbAsync(db => db.Users.Where(u => u.Email == "stale@example.org").Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Unlock_LockedOutUser_CanSignInAgain()
    {
        await App.CreateUserAsync("unlock-me@example.org", "unlock-password-1", name: "Locked Officer");
        var stranger = App.CreatePlainClient();
        for (var i = 0; i < 5; i++)
            await stranger.PostFormAsync("/account/login", "login",
                new() { ["Input.Email"] = "unlock-me@example.org", ["Input.Password"] = "wrong-password-" + i });
        Assert.Contains("Locked out", await RowTextAsync("unlock-me@example.org"));

        var cut = await OpenAsync("unlock-me@example.org");
        cut.Find("[data-unlock]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/admin/users", Uri));
        Assert.Contains("Active", await RowTextAsync("unlock-me@example.org"));
        await App.SignInAsync("unlock-me@example.org", "unlock-password-1");
    }

    [Fact]
    public async Task Unlock_NotLockedOut_NoUnlockButton()
    {
        var cut = await OpenAsync("member@example.org");
        Assert.Empty(cut.FindAll("[data-unlock]"));
    }

    [Theory]
    [InlineData("member")]
    [InlineData("lead")]
    public async Task Unlock_NotAdministrator_Refused(string account)
    {
        var (scope, users) = await AsAsync<UserAdminService>(account);
        await using var _ = scope;
        Assert.Equal("Only administrators can unlock users", (await users.UnlockAsync(await IdOfAsync("member@example.org"))).Denied);
        Assert.Equal("Only administrators can add users", (await users.CreateAsync(new UserForm())).Denied);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/audit")]
    public async Task Get_Member_AccessDenied(string url)
    {
        var member = await App.SignInAsync("member");
        var response = await member.GetAsync(url);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Index_Administrator_LinksToEachAdministrationPage()
    {
        await SignInAsAsync("admin");
        var cut = Render<AdminIndex>();
        Assert.Equal(["/admin/users", "/admin/audit", "/people", "/admin/strategy", "/admin/strategy/metrics", "/admin/strategy/rag-definitions", "/risks/settings"],
            cut.FindAll("[data-admin-links] a").Select(a => a.GetAttribute("href")));
    }
}
