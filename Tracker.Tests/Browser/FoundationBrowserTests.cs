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
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Councillor Kate Lymer", await page.Locator(".tracker-header__user").InnerTextAsync());
        Assert.Contains("ASB and Envirocrime Sub-Group", await page.Locator("main").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LoginPage_WrongPassword_ErrorSummaryTakesFocus()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Email address").FillAsync("member@example.org");
        await page.GetByLabel("Password").FillAsync("wrong password!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a correct email address and password");
        // GOV.UK Frontend's script moves focus to the summary: proof our JavaScript loads under the CSP.
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await page.AssertNoAxeViolationsAsync();
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/people")]
    [InlineData("/people/1/edit")]
    [InlineData("/people/new")]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/strategy/metrics?saved=1")]
    [InlineData("/admin/strategy/metrics/1/values/new")]
    [InlineData("/admin/strategy/priorities/1/sub-priorities/new")]
    [InlineData("/no-such-page")]
    public async Task Page_Administrator_NoAccessibilityViolations(string url)
    {
        var page = await browser.SignedInPageAsync("admin");
        await page.GotoAsync(url);
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
