using Microsoft.Playwright;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>The pages that say what is under review, as their users open them: accessible at both widths.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnderReviewBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("lead", "/", 1280)]
    [InlineData("lead", "/", 390)]
    [InlineData("lead", "/actions/my", 390)]
    [InlineData("chair", "/actions/completeness", 1280)]
    [InlineData("chair", "/actions/completeness", 390)]
    public async Task Page_SaysTheMeetingAndDeadline_NoAxeViolationsAndNoSidewaysScroll(string account, string url, int width)
    {
        var review = await browser.App.UnderReviewAsync();
        var page = await browser.SignedInPageAsync(account, width, width == 390 ? 844 : 720);
        await page.OpenAsync(url);
        await Assertions.Expect(page.Locator("[data-deadline]").First).ToContainTextAsync(review.Sentence);
        await page.AssertNoAxeViolationsAsync();
        await page.AssertNoSidewaysScrollAsync();
        await page.Context.CloseAsync();
    }
}
