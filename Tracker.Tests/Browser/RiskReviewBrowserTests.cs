using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>The chair's review on a 1280 × 720 projector, in a real browser: keyboard, live reassessment, following the chair.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RiskReviewBrowserTests(BrowserFixture browser)
{
    static readonly LocatorAssertionsToHaveTextOptions WithinTwoSeconds = new() { Timeout = 2000 };

    Task<int> RiskIdAsync(string reference) =>
        browser.App.WithDbAsync(db => db.Risks.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

    static ILocator Position(IPage page) => page.Locator("[data-position]");

    [Fact]
    public async Task ChairReview_Projector1280x720_LargeTypeKeyboardOnlyAndAccessible()
    {
        var page = await browser.SignedInPageAsync("chair", width: 1280, height: 720);
        await page.OpenAsync("/risks/review");
        await Assertions.Expect(Position(page)).ToHaveTextAsync("Risk 1 of 12");
        var firstTitle = await page.Locator("h1").TextContentAsync();

        // Large type and no sideways scrolling on the projector; the risk, its scores and the heat map on the first screen.
        var titleSize = await page.Locator("h1").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(titleSize >= 32, $"The risk's title is {titleSize}px on the projector");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The review scrolls sideways by {overflow}px at 1280 × 720");
        Assert.Equal(3, await page.Locator(".ladder:not(.ladder--compact) .ladder__step").CountAsync());
        Assert.True(await page.Locator("[data-heat-map=Net] .heat-map__this").IsVisibleAsync());
        var ladderBottom = await page.Locator(".ladder").First.EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
        Assert.True(ladderBottom < 720, "Gross, net and target show on the first screen");
        await page.AssertNoAxeViolationsAsync();

        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "chair-review.png") });

        // The keyboard moves through the register, as the links do, without reloading the page.
        await page.EvaluateAsync("() => window.__sameCircuit = 'yes'");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Position(page)).ToHaveTextAsync("Risk 2 of 12");
        Assert.NotEqual(firstTitle, await page.Locator("h1").TextContentAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(Position(page)).ToHaveTextAsync("Risk 1 of 12");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Position(page)).ToHaveTextAsync("Risk 2 of 12");
        Assert.Equal("yes", await page.EvaluateAsync<string>("() => window.__sameCircuit"));

        // Keyboard only: typing in the form does not move on; Tab reaches the button; Enter records and moves on.
        var note = page.GetByLabel("What the meeting said");
        await note.FocusAsync();
        await page.Keyboard.TypeAsync("Agreed to keep under review");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(Position(page)).ToHaveTextAsync("Risk 2 of 12");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.activeElement?.hasAttribute('data-record-review'))"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Position(page)).ToHaveTextAsync("Risk 3 of 12");
        await Assertions.Expect(page.Locator("[data-review-status]")).ToContainTextAsync("has been recorded");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChairReassessesInReview_MembersRegisterRiskPageAndHeatMapShowItWithin2s()
    {
        var id = await RiskIdAsync("R2");
        var member = await browser.SignedInPageAsync("member");
        await member.OpenAsync("/risks?sort=reference");
        var riskPage = await member.Context.NewPageAsync();
        await riskPage.OpenAsync($"/risks/{id}");
        var heatMap = await member.Context.NewPageAsync();
        await heatMap.OpenAsync("/risks/heat-map?scores=net");
        var fromBefore = int.Parse((await heatMap.Locator("[data-cell='2-2']").GetAttributeAsync("data-count"))!);
        var toBefore = int.Parse((await heatMap.Locator("[data-cell='3-2']").GetAttributeAsync("data-count"))!);

        var chair = await browser.SignedInPageAsync("chair", 1280, 720);
        await chair.OpenAsync($"/risks/review?risk={id}");
        await chair.ChooseAsync("Net likelihood", "3 – Possible");
        // The live preview before saving.
        await Assertions.Expect(chair.Locator("[data-preview=net] [data-score]")).ToHaveAttributeAsync("data-score", "6");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Save new scores" }).ClickAsync();

        await Assertions.Expect(heatMap.Locator("[data-cell='2-2']")).ToHaveAttributeAsync("data-count", (fromBefore - 1).ToString(), new() { Timeout = 2000 });
        await Assertions.Expect(heatMap.Locator("[data-cell='3-2']")).ToHaveAttributeAsync("data-count", (toBefore + 1).ToString(), new() { Timeout = 2000 });
        await Assertions.Expect(member.Locator("tr[data-risk=R2] td:nth-child(5) [data-score]")).ToHaveAttributeAsync("data-score", "6", new() { Timeout = 2000 });
        await Assertions.Expect(riskPage.Locator("[data-risk-log] div:has(> dt:text-is('Net risk (with controls)')) [data-score]"))
            .ToHaveAttributeAsync("data-score", "6", new() { Timeout = 2000 });
        await Assertions.Expect(member.Locator("[data-live-announcer]")).ToContainTextAsync("Risk R2 updated by Councillor Kate Lymer", new() { Timeout = 2000 });
        await member.Context.CloseAsync();
        await chair.Context.CloseAsync();
    }

    [Fact]
    public async Task FollowTheChair_ChairMovesAndTriesScores_MembersScreenFollowsWithinASecond()
    {
        var chair = await browser.SignedInPageAsync("chair", 1280, 720);
        await chair.OpenAsync("/risks/review");
        await Assertions.Expect(Position(chair)).ToHaveTextAsync("Risk 1 of 12");

        var member = await browser.SignedInPageAsync("member", 1280, 720);
        await member.OpenAsync($"/risks/review?risk={await RiskIdAsync("R1")}");
        await member.GetByRole(AriaRole.Switch, new() { Name = "Follow the chair" }).ClickAsync();
        await Assertions.Expect(Position(member)).ToHaveTextAsync("Risk 1 of 12", WithinTwoSeconds);
        await Assertions.Expect(chair.Locator("[data-presence='risk-review']")).ToContainTextAsync("is also viewing", new() { Timeout = 2000 });
        await member.AssertNoAxeViolationsAsync();

        await chair.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Position(chair)).ToHaveTextAsync("Risk 2 of 12");
        var chairsRisk = await chair.Locator("[data-review-risk]").GetAttributeAsync("data-review-risk");
        await Assertions.Expect(member.Locator("[data-review-risk]")).ToHaveAttributeAsync("data-review-risk", chairsRisk!, new() { Timeout = 1500 });

        await chair.ChooseAsync("Target likelihood", "1 – Rare");
        await Assertions.Expect(member.Locator("[data-chair-draft]")).ToContainTextAsync("The chair is proposing", new() { Timeout = 1500 });
        await member.Context.CloseAsync();
        await chair.Context.CloseAsync();
    }
}
