using System.Net;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Admin;

public sealed class UserAdminTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task Create_ShortPassword_Refused()
    {
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync("/admin/users/new", "user", new()
        {
            ["Form.DisplayName"] = "Short Password", ["Form.Email"] = "short@example.org", ["Form.Role"] = "Member", ["Form.Password"] = "short",
        })).ParseAsync();
        Assert.Equal(["Password must be 12 characters or more"], page.ErrorSummary());
        Assert.Equal("short@example.org", page.QuerySelector("#email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Create_ThenDisable_UserCanNoLongerSignIn()
    {
        var admin = await app.SignInAsync("admin");
        var created = await admin.PostFormAsync("/admin/users/new", "user", new()
        {
            ["Form.DisplayName"] = "Temporary Officer", ["Form.Email"] = "temp@example.org", ["Form.Role"] = "Lead", ["Form.Password"] = "temporary-password-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetPageAsync("/admin/users");
        var link = list.QuerySelectorAll("tr").First(r => r.TextContent.Contains("temp@example.org")).QuerySelector("a")!.GetAttribute("href")!;

        var userSession = await app.SignInAsync("temp@example.org", "temporary-password-1");
        Assert.Equal(HttpStatusCode.OK, (await userSession.GetAsync("/")).StatusCode);

        var disabled = await admin.PostFormAsync(link, "user", new() { ["Form.IsDisabled"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        var again = await app.CreatePlainClient().PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = "temp@example.org", ["Input.Password"] = "temporary-password-1" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], (await again.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Unlock_LockedOutUser_CanSignInAgain()
    {
        var admin = await app.SignInAsync("admin");
        await admin.PostFormAsync("/admin/users/new", "user", new()
        {
            ["Form.DisplayName"] = "Locked Officer", ["Form.Email"] = "unlock-me@example.org", ["Form.Role"] = "Member", ["Form.Password"] = "unlock-password-1",
        });
        var stranger = app.CreatePlainClient();
        for (var i = 0; i < 5; i++)
            await stranger.PostFormAsync("/account/login", "login",
                new() { ["Input.Email"] = "unlock-me@example.org", ["Input.Password"] = "wrong-password-" + i });
        var list = await admin.GetPageAsync("/admin/users");
        var row = list.QuerySelectorAll("tr").First(r => r.TextContent.Contains("unlock-me@example.org"));
        Assert.Contains("Locked out", row.TextContent);
        var link = row.QuerySelector("a")!.GetAttribute("href")!;

        var unlocked = await admin.PostFormAsync(link, "unlock", new());

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("Active", (await admin.GetPageAsync("/admin/users")).QuerySelectorAll("tr")
            .First(r => r.TextContent.Contains("unlock-me@example.org")).TextContent);
        await app.SignInAsync("unlock-me@example.org", "unlock-password-1");
    }

    [Fact]
    public async Task Unlock_NotLockedOut_NoUnlockButton()
    {
        var admin = await app.SignInAsync("admin");
        var list = await admin.GetPageAsync("/admin/users");
        var link = list.QuerySelectorAll("tr").First(r => r.TextContent.Contains("member@example.org")).QuerySelector("a")!.GetAttribute("href")!;
        var page = await admin.GetPageAsync(link);
        Assert.Null(page.QuerySelector("input[name=_handler][value='unlock']"));
    }

    [Fact]
    public async Task Users_Member_AccessDenied()
    {
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync("/admin/users");
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Audit_FilterByEntity_ShowsOnlyThatType()
    {
        var admin = await app.SignInAsync("admin");
        var page = await admin.GetPageAsync("/admin/audit?entity=Partner");
        var records = page.QuerySelectorAll("tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.StartsWith("Partner ", r));
    }
}
