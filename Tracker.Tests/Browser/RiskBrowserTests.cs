using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>The risk register's pages in a real browser: layout on a projector and a phone, kept typing, conflicts, and axe on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RiskBrowserTests(BrowserFixture browser)
{
    Task<int> RiskIdAsync(string reference) =>
        browser.App.WithDbAsync(db => db.Risks.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

    static Task<int> SidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task Register_Projector1280x720_FirstRisksVisibleWithoutScrolling()
    {
        var page = await browser.SignedInPageAsync("chair", 1280, 720);
        await page.OpenAsync("/risks");
        var rows = page.Locator("[data-risk-table] tbody tr");
        var third = await rows.Nth(2).BoundingBoxAsync();
        Assert.NotNull(third);
        Assert.True(third!.Y + third.Height <= 720, $"The third risk ends at {third.Y + third.Height}px, below the 720px screen");
        Assert.True(await SidewaysScrollAsync(page) <= 0);

        // Filters fold out and change the address; the register follows.
        await page.Locator("[data-filters-toggle]").ClickAsync();
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "L – Legal" });
        await page.WaitForAddressAsync(url => url.Contains("category=L"));
        await Assertions.Expect(page.Locator("[data-risk-table] tbody tr[data-risk]")).ToHaveCountAsync(5);
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_Phone390_NoSidewaysScrollOfThePage()
    {
        var page = await browser.SignedInPageAsync("member", 390, 844);
        foreach (var url in new[] { "/risks", $"/risks/{await RiskIdAsync("R7")}", "/risks/heat-map", "/risks/review" })
        {
            await page.OpenAsync(url);
            Assert.True(await SidewaysScrollAsync(page) <= 0, $"{url} scrolls sideways at 390px");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Shell_Phone390_MenuOpensOverThePageAndClosesWithEscape()
    {
        var page = await browser.SignedInPageAsync("member", 390, 844);
        await page.OpenAsync("/risks");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var drawer = page.Locator("#navigation");
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await menu.ClickAsync();
        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(drawer.Locator("a[aria-current=page]")).ToHaveTextAsync("Risk register");
        await page.AssertNoAxeViolationsAsync();

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToBeFocusedAsync();

        // A link in the open menu navigates (in the circuit) and closes the menu.
        await menu.ClickAsync();
        await drawer.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("/risks"));
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Edit_HalfTypedWhenAnotherSaves_KeptWithNoticeThenStaleSaveComparesAndLosesNothing()
    {
        var id = await RiskIdAsync("R9");
        var typist = await browser.SignedInPageAsync("admin");
        await typist.OpenAsync($"/risks/{id}/edit");
        await typist.GetByLabel("Controls in place").FillAsync("Half-typed controls from the youth justice board");

        var other = await browser.SignedInPageAsync("chair");
        await other.OpenAsync($"/risks/{id}/edit");
        await other.GetByLabel("Cause").FillAsync("Cause revised by the chair");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save risk" }).ClickAsync();
        await other.WaitForPathAsync($"/risks/{id}");

        await Assertions.Expect(typist.Locator("[data-changed-elsewhere]")).ToContainTextAsync("Councillor Kate Lymer changed this record", new() { Timeout = 5000 });
        Assert.Equal("Half-typed controls from the youth justice board", await typist.GetByLabel("Controls in place").InputValueAsync());

        await typist.GetByRole(AriaRole.Button, new() { Name = "Save risk" }).ClickAsync();
        await Assertions.Expect(typist.Locator("[data-conflict-field=Cause] [data-theirs]")).ToHaveTextAsync("Cause revised by the chair");
        await Assertions.Expect(typist.Locator("[data-conflict-field=Controls] [data-mine]")).ToHaveTextAsync("Half-typed controls from the youth justice board");
        Assert.Equal("Half-typed controls from the youth justice board", await typist.GetByLabel("Controls in place").InputValueAsync());
        await typist.AssertNoAxeViolationsAsync();
        await typist.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    public static TheoryData<int, int> Sizes => new() { { 1280, 720 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task EveryRiskPage_Axe_NoViolations(int width, int height)
    {
        var id = await RiskIdAsync("R5");
        var page = await browser.SignedInPageAsync("admin", width, height);
        foreach (var url in new[] { "/risks", $"/risks/{id}", "/risks/heat-map?scores=gross", "/risks/review", $"/risks/review?risk={await RiskIdAsync("R13")}",
                     "/risks/import", "/risks/settings", "/risks/new" })
        {
            await page.OpenAsync(url);
            await page.AssertNoAxeViolationsAsync();
        }
        await page.GotoAsync("/risks/print");
        await page.AssertNoAxeViolationsAsync();

        // The register with its filters open.
        await page.OpenAsync("/risks");
        await page.Locator("[data-filters-toggle]").ClickAsync();
        await page.AssertNoAxeViolationsAsync();

        // The edit form showing errors: net above gross (refused as chosen) and a blank risk, saved.
        await page.OpenAsync($"/risks/{id}/edit");
        await page.GetByLabel("Risk", new() { Exact = true }).FillAsync("");
        await page.ChooseAsync("Net likelihood", "5 – Almost certain");
        await page.ChooseAsync("Net severity", "5 – Severe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save risk" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("Enter the risk");
        await page.AssertNoAxeViolationsAsync();

        // The further-action dialog open, then showing its own error.
        await page.OpenAsync($"/risks/{id}");
        await page.Locator("[data-add-action]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-further-action-dialog]")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save further action" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-further-action-dialog] [data-error-summary]")).ToContainTextAsync("Enter the further action");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }
}
