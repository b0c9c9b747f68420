using System.Net;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Accounts;

public sealed class SignInTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/people")]
    [InlineData("/admin/audit")]
    [InlineData("/people/1/edit")]
    public async Task Get_Anonymous_RedirectsToSignIn(string url)
    {
        var response = await app.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Health_Anonymous_AnswersWhenDatabaseDoes()
    {
        var response = await app.CreatePlainClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hub_Anonymous_Refused()
    {
        var response = await app.CreatePlainClient().PostAsync("/hubs/tracker/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_DemoChair_SeesDashboardWithPartnership()
    {
        var client = await app.SignInAsync("chair");
        var page = await client.GetPageAsync("/");
        Assert.Equal("Dashboard", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Signed in as Councillor Kate Lymer", page.QuerySelector(".tracker-header__user")!.TextContent);
        Assert.Contains("ASB and Envirocrime Sub-Group", page.Body!.TextContent);
    }

    [Fact]
    public async Task SignIn_WrongPassword_RefusedWithMessageAndEmailKept()
    {
        var client = app.CreatePlainClient();
        var response = await client.PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = "member@example.org", ["Input.Password"] = "not-the-password" });
        var page = await response.ParseAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], page.ErrorSummary());
        Assert.Equal("member@example.org", page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#password")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SignIn_Blank_AsksForBothFields()
    {
        var response = await app.CreatePlainClient().PostFormAsync("/account/login", "login", new());
        var page = await response.ParseAsync();
        Assert.Equal(["Enter your email address", "Enter your password"], page.ErrorSummary());
        Assert.Equal("Enter your email address", page.FieldError("email"));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksAccountEvenForRightPassword()
    {
        // A user made for this test, so the demo accounts stay usable by the other tests.
        var admin = await app.SignInAsync("admin");
        await admin.PostFormAsync("/admin/users/new", "user", new()
        {
            ["Form.DisplayName"] = "Lockout Test", ["Form.Email"] = "lockout@example.org",
            ["Form.Role"] = "Member", ["Form.Password"] = "a-long-enough-password",
        });
        var client = app.CreatePlainClient();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/account/login", "login",
                new() { ["Input.Email"] = "lockout@example.org", ["Input.Password"] = "wrong-password-" + i });

        var response = await client.PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = "lockout@example.org", ["Input.Password"] = "a-long-enough-password" });
        var page = await response.ParseAsync();
        Assert.Contains("Your account is locked after too many failed attempts", page.ErrorSummary().Single());
    }

    [Fact]
    public async Task SignIn_ReturnUrlElsewhere_StaysOnSite()
    {
        var client = app.CreatePlainClient();
        var response = await client.PostFormAsync("/account/login?ReturnUrl=//evil.example", "login",
            new() { ["Input.Email"] = "member@example.org", ["Input.Password"] = TrackerAppFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location!.Host);
        Assert.Equal("/", response.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_EndsSession()
    {
        var client = await app.SignInAsync("member");
        var page = await client.GetPageAsync("/");
        var token = page.QuerySelector("form[action='/account/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_Refused()
    {
        var client = await app.SignInAsync("member");
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
