using Microsoft.Playwright;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FoundationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignIn_Chair_SeesDashboardWithPartnership()
    {
        var page = await browser.SignedInPageAsync("chair");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Councillor Kate Lymer", await page.Locator(".tracker-appbar__user").InnerTextAsync());
        Assert.Contains("ASB and Envirocrime Sub-Group", await page.Locator("[data-partnership-panel]").InnerTextAsync());
        await Assertions.Expect(page.Locator("[data-presence=dashboard]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task LoginPage_WrongPassword_ErrorSummaryTakesFocusAndLinksToField(int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Email address").FillAsync("member@example.org");
        await page.GetByLabel("Password").FillAsync("wrong password!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a correct email address and password");
        // tracker.js moves focus to the summary: proof our script loads on static pages under the CSP.
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("member@example.org");
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#Email-error")).ToContainTextAsync("Enter a correct email address and password");
        await page.AssertNoAxeViolationsAsync();
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeFocusedAsync();
        await AssertNoSidewaysScrollAsync(page);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task LoginPage_Blank_BothFieldsAskedForAccessibly(int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary] li")).ToHaveTextAsync(["Enter your email address", "Enter your password"]);
        await Assertions.Expect(page.Locator("#Password-error")).ToContainTextAsync("Enter your password");
        await page.AssertNoAxeViolationsAsync();
        await context.CloseAsync();
    }

    /// <summary>The administration pages, the dashboard and the static pages of sign-in and errors, at 1280×720 and on a phone.</summary>
    [Theory]
    [InlineData("/", 1280, 720)]
    [InlineData("/", 390, 844)]
    [InlineData("/admin", 1280, 720)]
    [InlineData("/admin", 390, 844)]
    [InlineData("/admin/users", 1280, 720)]
    [InlineData("/admin/users", 390, 844)]
    [InlineData("/admin/users/new", 1280, 720)]
    [InlineData("/admin/users/new", 390, 844)]
    [InlineData("/admin/audit", 1280, 720)]
    [InlineData("/admin/audit", 390, 844)]
    [InlineData("/admin/audit?entity=Partner&page=1", 390, 844)]
    public async Task OwnPage_Administrator_NoAccessibilityViolationsNoSidewaysScroll(string url, int width, int height)
    {
        var page = await browser.SignedInPageAsync("admin", width, height);
        await page.OpenAsync(url);
        await page.AssertNoAxeViolationsAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/no-such-page", 1280, 720)]
    [InlineData("/no-such-page", 390, 844)]
    [InlineData("/error", 1280, 720)]
    [InlineData("/error", 390, 844)]
    [InlineData("/account/access-denied", 1280, 720)]
    [InlineData("/account/access-denied", 390, 844)]
    public async Task StaticPage_SignedIn_NoAccessibilityViolations(string url, int width, int height)
    {
        var page = await browser.SignedInPageAsync("member", width, height);
        await page.GotoAsync(url);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(0, await page.Locator("[class*=govuk-]").CountAsync());
        await page.AssertNoAxeViolationsAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminPage_Member_AccessDeniedPage()
    {
        var page = await browser.SignedInPageAsync("member");
        await page.GotoAsync("/admin/users");
        Assert.Contains("/account/access-denied", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have permission to see this page");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task TooManySignInAttemptsPage_NoAccessibilityViolations(int width, int height)
    {
        // The 429 page is written by the rate limiter; this app host's limits are raised, so take it from a throttled one.
        await using var throttled = new ThrottledAppFactory(new() { ["SignIn:AddressPermitLimit"] = "1" });
        var client = throttled.CreateClientFrom("198.51.100.7");
        var form = new Dictionary<string, string> { ["Input.Email"] = "x@example.org", ["Input.Password"] = "wrong-password" };
        await client.PostFormAsync("/account/login", "login", form);
        var refused = await client.PostFormAsync("/account/login", "login", form);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();

        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.SetContentAsync(html);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Too many sign-in attempts");
        await page.AssertNoAxeViolationsAsync();
        await AssertNoSidewaysScrollAsync(page);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task UserForm_ErrorsShowing_AccessibleAndFocusable(int width, int height)
    {
        var page = await browser.SignedInPageAsync("admin", width, height);
        await page.OpenAsync("/admin/users/new");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the email address");
        await Assertions.Expect(summary).ToContainTextAsync("Password must be 12 characters or more");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await page.AssertNoAxeViolationsAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the name to show for this user" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeFocusedAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UserForm_OwnRoleRemoved_RoleErrorShowingAccessible()
    {
        var page = await browser.SignedInPageAsync("admin", 390, 844);
        await page.OpenAsync("/admin/users");
        await page.Locator("tr[data-user='admin@example.org'] a").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("admin@example.org");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Member" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Role-error")).ToContainTextAsync("You cannot remove your own administrator role");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task AuditTrail_FilterByRecordTypeAndDate_InPeoplesWords(int width, int height)
    {
        var page = await browser.SignedInPageAsync("admin", width, height);
        await page.OpenAsync("/admin/audit");
        await page.Locator(".mud-select:has(#entity) [role=combobox]").ClickAsync();
        var options = page.GetByRole(AriaRole.Option);
        await Assertions.Expect(options.Filter(new() { HasText = "Person" }).First).ToBeVisibleAsync();
        // The record types' list open: in people's words, and accessible.
        Assert.DoesNotContain(await options.AllInnerTextsAsync(), o => o.Contains('`') || o.StartsWith("Identity"));
        await page.AssertNoAxeViolationsAsync();
        await options.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Partner organisation$") }).ClickAsync();
        await page.WaitForListClosedAsync();
        await page.GetByLabel("From").FillAsync("2026-11-30");
        await page.GetByLabel("To").FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The end date must be the same as or after the start date");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("To").FillAsync("");
        await page.GetByLabel("From").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("entity=Partner"));
        await Assertions.Expect(page.Locator("[data-audit-table] tbody tr").First).ToContainTextAsync("Partner organisation");
        await AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");

    [Theory]
    [InlineData("/people")]
    [InlineData("/people/1/edit")]
    [InlineData("/people/new")]
    [InlineData("/admin/strategy/metrics?saved=1")]
    [InlineData("/admin/strategy/metrics/1/values/new")]
    [InlineData("/admin/strategy/priorities/1/sub-priorities/new")]
    public async Task Page_Administrator_NoAccessibilityViolations(string url)
    {
        var page = await browser.SignedInPageAsync("admin");
        // Every page is interactive: checked once its circuit has rendered it, because the head's
        // title is re-rendered as the circuit starts and axe could otherwise catch it missing.
        await page.OpenAsync(url);
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PersonForm_BlankName_ErrorsAccessibleAndFocusable()
    {
        var page = await browser.SignedInPageAsync("admin");
        await page.OpenAsync("/people/1/edit");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the person's name");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.Locator(".error-summary a").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }
}
