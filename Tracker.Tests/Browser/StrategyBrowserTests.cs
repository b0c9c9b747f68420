using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Strategy;
using Microsoft.Playwright;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StrategyBrowserTests(BrowserFixture browser)
{
    // What the pages default to: the quarter the next Strategic Group meeting reviews.
    FinancialQuarter Current => browser.App.QuarterUnderReview();

    Task<int> ActionIdAsync(string number) =>
        browser.App.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title == SampleStrategies.Current)
            .Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task LeadUpdate_FromMyUpdatesToReport_ShownAndPrintedWithoutNavigation()
    {
        var page = await browser.SignedInPageAsync("lead");
        await page.OpenAsync("/actions/my");
        var mine = page.Locator("[data-my-action='8.3']").First;
        if (await mine.Locator("[data-change]").CountAsync() > 0) await mine.Locator("[data-change]").ClickAsync();
        await mine.Locator("[data-rag-option=Amber] input[type=radio]").CheckAsync();
        await mine.GetByLabel("Narrative").FillAsync("Quad bike nuisance in Cray Valley continues.\n\n- Op Green Champion extended\n- Two more bikes seized");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await Assertions.Expect(mine.Locator("[data-saved]")).ToBeVisibleAsync();

        await page.OpenAsync($"/actions/report?year={Current.Year}&quarter={Current.Quarter}");
        var row = page.Locator("[data-report-action='8.3']").First;
        await Assertions.Expect(row).ToContainTextAsync("Quad bike nuisance in Cray Valley continues.");
        await Assertions.Expect(row.Locator("li")).ToHaveTextAsync(["Op Green Champion extended", "Two more bikes seized"]);
        await Assertions.Expect(row.Locator("[data-rag]")).ToHaveTextAsync("Amber");

        // The A4 print layout drops the navigation, the live text and the charts, and keeps the report.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-presence]").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-charts]")).ToBeHiddenAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CompletenessBoard_LeadSaves_ChairsBoardChangesWithinTwoSeconds()
    {
        var strategy = await browser.App.WithDbAsync(db => db.Strategies.Where(s => s.Title == SampleStrategies.Current).Select(s => s.Id).SingleAsync());
        var chair = await browser.SignedInPageAsync("chair");
        await chair.OpenAsync($"/actions/completeness?strategy={strategy}&year={Current.Year}&quarter={Current.Quarter}");
        var row = chair.Locator("[data-completeness=lead] tr", new() { HasText = "Peter Sibley" }).First;
        var before = int.Parse(await row.Locator("[data-updated]").InnerTextAsync());

        var quarter = Current;
        var id = await browser.App.WithDbAsync(db => db.StrategyActions
            .Where(a => !a.IsRetired && a.Objective!.Priority!.StrategyId == strategy && a.Owners.Any(o => o.Person!.Initials == "PS")
                        && !a.Updates.Any(u => u.Year == quarter.Year && u.Quarter == quarter.Quarter))
            .Select(a => a.Id).FirstAsync());
        var lead = await browser.SignedInPageAsync("lead");
        await lead.OpenAsync($"/actions/{id}/update");
        await lead.Locator("[data-rag-option=Green] input[type=radio]").CheckAsync();
        await lead.GetByLabel("Narrative").FillAsync("On track: the partnership plan was agreed.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await lead.WaitForAddressAsync(url => url.Contains("saved=true"));

        await Assertions.Expect(row.Locator("[data-updated]")).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 2000 });
        await chair.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }

    /// <summary>
    /// Two of the lead's actions made outstanding for the quarter (their updates of it removed), so the
    /// test does not depend on which the sample data has updated; the ones it has updated are taken first.
    /// </summary>
    async Task<(IReadOnlyList<int> Ids, FinancialQuarter Quarter)> OutstandingActionsAsync(int count)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(browser.App, "lead"));
        var my = await scope.ServiceProvider.GetRequiredService<StrategyQueries>().MyUpdatesAsync();
        var ids = my.Rows.Where(r => r.Number != "8.3" && r.Previous is not null)
            .OrderBy(r => r.State == MyUpdateState.Updated ? 0 : 1).Select(r => r.ActionId).Take(count).ToList();
        var q = my.Quarter;
        await browser.App.WithDbAsync(db => db.QuarterlyUpdates.Where(u => ids.Contains(u.ActionId) && u.Year == q.Year && u.Quarter == q.Quarter).ExecuteDeleteAsync());
        return (ids, q);
    }

    /// <summary>Counts what the user does other than typing: every press of a pointer, and every key that is not a character, Backspace or Delete.</summary>
    const string CountInteractions = """
        () => {
          window.__interactions = 0;
          document.addEventListener('pointerdown', e => { if (e.isTrusted) window.__interactions++; }, true);
          document.addEventListener('keydown', e => {
            const typing = e.key.length === 1 || ['Backspace', 'Delete', 'Shift', 'CapsLock'].includes(e.key)
              || (e.key === 'Enter' && e.target instanceof HTMLTextAreaElement);
            if (e.isTrusted && !typing) window.__interactions++;
          }, true);
        }
        """;

    [Fact]
    public async Task MyUpdates_LeadUpdatesTwoActions_AtMostTwoInteractionsEach()
    {
        var (ids, quarter) = await OutstandingActionsAsync(2);
        var page = await browser.SignedInPageAsync("lead");
        await page.OpenAsync("/actions/my");
        await page.EvaluateAsync(CountInteractions);

        var counts = new List<int>();
        foreach (var id in ids)
        {
            var row = page.Locator($"[data-action-id='{id}']");
            // Last quarter's narrative is filled in to carry forward: choose the RAG status, save.
            await Assertions.Expect(row.Locator("[data-carried]")).ToBeVisibleAsync();
            var before = await page.EvaluateAsync<int>("() => window.__interactions");
            await row.Locator("[data-rag-option=Green] input[type=radio]").CheckAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
            await Assertions.Expect(row.Locator("[data-saved]")).ToBeVisibleAsync();
            counts.Add(await page.EvaluateAsync<int>("() => window.__interactions") - before);
        }

        Assert.All(counts, c => Assert.InRange(c, 1, 2));
        foreach (var id in ids)
            Assert.True(await browser.App.WithDbAsync(db => db.QuarterlyUpdates.AnyAsync(u => u.ActionId == id && u.Year == quarter.Year && u.Quarter == quarter.Quarter && u.Rag == RagStatus.Green)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MyUpdates_DraftTyped_SurvivesAReloadAndIsRestored()
    {
        var id = (await OutstandingActionsAsync(1)).Ids[0];
        var page = await browser.SignedInPageAsync("lead");
        await page.OpenAsync("/actions/my");
        var row = page.Locator($"[data-action-id='{id}']");
        await row.GetByLabel("Narrative").FillAsync("Written on the train: the survey closes on Friday.");
        await Assertions.Expect(row.Locator("[data-draft-kept]")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        row = page.Locator($"[data-action-id='{id}']");
        await Assertions.Expect(row.Locator("[data-draft-offer]")).ToContainTextAsync("You have an unsaved draft from");
        await row.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Assertions.Expect(row.GetByLabel("Narrative")).ToHaveValueAsync("Written on the train: the survey closes on Friday.");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task MyUpdates_ErrorsAndDraftOfferShowing_NoAxeViolationsAndNoSidewaysScroll(int width)
    {
        var (ids, quarter) = await OutstandingActionsAsync(2);
        await browser.App.WithDbAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == "lead@example.org").Select(u => u.Id).SingleAsync();
            await db.UpdateDrafts.Where(d => d.UserId == user && d.ActionId == ids[1]).ExecuteDeleteAsync();
            db.UpdateDrafts.Add(new UpdateDraft { UserId = user, ActionId = ids[1], Year = quarter.Year, Quarter = quarter.Quarter, Narrative = "A draft", SavedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var page = await browser.SignedInPageAsync("lead", width, width == 390 ? 844 : 720);
        await page.OpenAsync("/actions/my");
        var row = page.Locator($"[data-action-id='{ids[0]}']");
        await row.Locator("[data-rag-option=Amber] input[type=radio]").CheckAsync();
        await row.GetByLabel("Narrative").FillAsync("");
        await row.GetByLabel("Evidence link (optional)").FillAsync("not a link");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-action-id='{ids[1]}'] [data-draft-offer]")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.AssertNoSidewaysScrollAsync();
        await page.Locator($"[data-action-id='{ids[1]}'] [data-discard]").ClickAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task AdminDialogs_OpenWithErrorsShowing_NoAxeViolations(int width)
    {
        var page = await browser.SignedInPageAsync("admin", width, width == 390 ? 844 : 720);
        await page.OpenAsync("/admin/strategy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a priority" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Add a priority" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await page.OpenAsync("/admin/strategy/metrics");
        await page.Locator("[data-admin-metric] button.tree-button").Nth(1).ClickAsync();
        await dialog.Locator("#Count").FillAsync("12.5");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, string, int> Pages => new()
    {
        // The current strategy, which every page defaults to, and the 2020–23 strategy's Quarter Four 2020/21 as history.
        { "member", "/actions", 1280 },
        { "member", "/actions/report", 1280 },
        { "member", "/actions/report", 390 },
        { "chair", "/actions/completeness", 390 },
        { "member", "/actions?year=2020&quarter=4", 1280 },
        { "member", "/actions?year=2020&quarter=4", 390 },
        { "member", "/actions/report?year=2020&quarter=4", 1280 },
        { "member", "/actions/report?year=2020&quarter=4", 390 },
        { "lead", "/actions/my", 1280 },
        { "lead", "/actions/my", 390 },
        { "chair", "/actions/completeness?year=2020&quarter=4", 1280 },
        { "chair", "/actions/completeness?year=2020&quarter=4", 390 },
        { "chair", "/actions/overrides?year=2020&quarter=4", 1280 },
        { "chair", "/actions/overrides?year=2020&quarter=4", 390 },
        { "admin", "/admin/strategy", 1280 },
        { "admin", "/admin/strategy", 390 },
        { "admin", "/admin/strategy/metrics", 1280 },
        { "admin", "/admin/strategy/metrics", 390 },
        { "admin", "/admin/strategy/rag-definitions", 1280 },
        { "admin", "/admin/strategy/rag-definitions", 390 },
        { "admin", "/admin/strategy/strategies/new", 390 },
        { "admin", "/admin/strategy/metrics/1/edit", 1280 },
        { "admin", "/admin/strategy/metrics/1/values/new", 390 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_BothWidths_NoAxeViolationsAndNoSidewaysScroll(string account, string url, int width)
    {
        var page = await browser.SignedInPageAsync(account, width, width == 390 ? 844 : 720);
        await page.OpenAsync(url);
        await page.AssertNoAxeViolationsAsync();
        await page.AssertNoSidewaysScrollAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("1.2", 1280)]
    [InlineData("1.2", 390)]
    public async Task ActionPages_BothWidths_NoAxeViolationsWithErrorsShowing(string number, int width)
    {
        var id = await ActionIdAsync(number);
        var page = await browser.SignedInPageAsync("admin", width, width == 390 ? 844 : 720);
        await page.OpenAsync($"/actions/{id}");
        await page.AssertNoAxeViolationsAsync();
        await page.OpenAsync($"/actions/{id}/update?year=2019&quarter=1");
        await page.GetByLabel("Evidence link (optional)").FillAsync("not a link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        var objective = await browser.App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.ObjectiveId).SingleAsync());
        var strategy = await browser.App.WithDbAsync(db => db.Objectives.Where(o => o.Id == objective).Select(o => o.Priority!.StrategyId).SingleAsync());
        foreach (var url in new[] { $"/admin/strategy/objectives/{objective}/actions/new", $"/admin/strategy/{strategy}/priorities/new", "/admin/strategy/priorities/1/sub-priorities/new",
                     $"/admin/strategy/{strategy}/metrics/new" })
        {
            await page.OpenAsync(url);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
            await page.AssertNoAxeViolationsAsync();
        }
        await page.Context.CloseAsync();
    }
}
