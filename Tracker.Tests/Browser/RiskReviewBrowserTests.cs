using Microsoft.Playwright;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>The chair's review on a 1280 × 720 projector, in a real browser, with the axe checks.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RiskReviewBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChairReview_Projector1280x720_LargeTypeKeyboardNavigationAndAccessible()
    {
        var page = await browser.SignedInPageAsync("chair", width: 1280, height: 720);

        await page.GotoAsync("/risks");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/risks/heat-map?scores=net");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/risks/review");
        Assert.Equal("Risk 1 of 12", (await page.Locator("[data-position]").TextContentAsync())!.Trim());
        var firstTitle = await page.Locator("h1").TextContentAsync();

        // Large type and no sideways scrolling on the projector.
        var titleSize = await page.Locator("h1").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(titleSize >= 32, $"The risk's title is {titleSize}px on the projector");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The review scrolls sideways by {overflow}px at 1280 × 720");
        Assert.Equal(3, await page.Locator(".tracker-ladder__step").CountAsync());
        Assert.True(await page.Locator("[data-heat-map=Net] .tracker-heat-map__this").IsVisibleAsync());
        await page.AssertNoAxeViolationsAsync();

        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "chair-review.png") });
        Assert.True(File.Exists(Path.Combine(shots, "chair-review.png")));

        // The keyboard moves through the register, as the links do.
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-position]')?.textContent.trim() === 'Risk 2 of 12'");
        Assert.NotEqual(firstTitle, await page.Locator("h1").TextContentAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-position]')?.textContent.trim() === 'Risk 1 of 12'");
        await page.Locator("[data-review-next]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-position]')?.textContent.trim() === 'Risk 2 of 12'");

        // Typing in the review form does not move on.
        await page.GetByLabel("What the meeting said").FillAsync("Agreed to keep under review");
        await page.GetByLabel("What the meeting said").PressAsync("ArrowLeft");
        Assert.Equal("Risk 2 of 12", (await page.Locator("[data-position]").TextContentAsync())!.Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("recorded=true"));
        Assert.Contains("has been recorded", await page.Locator(".govuk-notification-banner").TextContentAsync());

        await page.Context.CloseAsync();
    }
}
