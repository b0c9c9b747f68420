using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>My updates: each of the lead's actions updated in place, with real services, database and change feed.</summary>
public sealed class MyUpdatesTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    /// <summary>
    /// My updates as the lead, with their action at <paramref name="index"/> (in the page's order) made
    /// outstanding for the quarter: each test takes its own action, whatever the sample data has updated.
    /// </summary>
    async Task<(IRenderedComponent<MyUpdates> Page, MyUpdatesView View, MyUpdateRow Row)> OpenAsync(int index)
    {
        await SignInAsAsync("lead");
        var view = await Circuit<StrategyQueries>().MyUpdatesAsync();
        var (id, q) = (view.Rows[index].ActionId, view.Quarter);
        await App.WithDbAsync(db => db.QuarterlyUpdates.Where(u => u.ActionId == id && u.Year == q.Year && u.Quarter == q.Quarter).ExecuteDeleteAsync());
        view = await Circuit<StrategyQueries>().MyUpdatesAsync();
        var page = Render<MyUpdates>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-my-action]")));
        var row = view.Rows.Single(r => r.ActionId == id);
        Assert.False(string.IsNullOrEmpty(row.Previous?.Narrative), "The sample lead's actions each have an earlier update to carry forward");
        return (page, view, row);
    }

    static IElement Row(IRenderedComponent<MyUpdates> page, int actionId) => page.Find($"[data-action-id='{actionId}']");

    static void ChooseRag(IRenderedComponent<MyUpdates> page, int actionId, RagStatus rag) =>
        page.Find($"#a{actionId}-Rag [data-rag-option={rag}] input[type=radio]").Click();

    static Task SaveAsync(IRenderedComponent<MyUpdates> page, int actionId) => page.Find($"[data-action-id='{actionId}'] form").SubmitAsync();

    Task<List<QuarterlyUpdate>> UpdatesAsync(int actionId, FinancialQuarter q) =>
        App.WithDbAsync(db => db.QuarterlyUpdates.Where(u => u.ActionId == actionId && u.Year == q.Year && u.Quarter == q.Quarter).ToListAsync());

    [Fact]
    public async Task Open_Lead_RowsNamedByPriorityWithLastQuarterAndTheNarrativeCarriedForward()
    {
        var (page, view, row) = await OpenAsync(0);
        Assert.Equal(view.Rows.Select(r => r.PriorityHeading).Distinct(), page.FindAll("h2.my-updates__heading").Select(h => h.TextContent));
        var element = Row(page, row.ActionId);
        Assert.Contains(row.PriorityHeading, element.QuerySelector("h4")!.TextContent);
        Assert.Contains($"Last reported, {row.Previous!.Quarter().Label}", element.QuerySelector("[data-previous]")!.TextContent);
        Assert.Equal("not-updated", element.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal(row.Previous!.Narrative, page.Find($"#a{row.ActionId}-Narrative").TextContent);
        Assert.Equal("RAG status", element.QuerySelector("legend")!.TextContent);
        Assert.Contains("Evidence link (optional)", element.InnerHtml);
        Assert.Equal(["Green", "Amber", "Red", "Blue"], element.QuerySelectorAll("[data-rag-option]").Select(o => o.GetAttribute("data-rag-option")!).ToArray());
    }

    [Fact]
    public async Task Save_RagChosen_SavedInPlaceWithLastQuartersNarrativeAndCountUp()
    {
        var (page, view, row) = await OpenAsync(1);
        var before = view.Rows.Count(r => r.State == MyUpdateState.Updated);
        ChooseRag(page, row.ActionId, row.Previous!.Rag);
        await SaveAsync(page, row.ActionId);

        page.WaitForAssertion(() => Assert.Equal("updated", Row(page, row.ActionId).QuerySelector("[data-state]")!.GetAttribute("data-state")));
        Assert.Contains($"Your update to action {row.Number} has been saved.", Row(page, row.ActionId).QuerySelector("[data-saved]")!.TextContent);
        Assert.Equal($"{before + 1} of {view.Rows.Count} updated.", page.Find("[data-progress]").TextContent);
        var saved = Assert.Single(await UpdatesAsync(row.ActionId, view.Quarter));
        Assert.Equal((row.Previous.Rag, row.Previous.Narrative, "Peter Sibley"), (saved.Rag, saved.Narrative, saved.AuthorName));
    }

    [Fact]
    public async Task Save_AmberWithoutNarrative_MessageBesideTheFieldAndSummaryLinksToIt()
    {
        var (page, view, row) = await OpenAsync(0);
        ChooseRag(page, row.ActionId, RagStatus.Amber);
        page.Find($"#a{row.ActionId}-Narrative").Input("");
        await SaveAsync(page, row.ActionId);

        page.WaitForAssertion(() => Assert.Equal(["Enter a narrative explaining why the action is Amber"],
            Row(page, row.ActionId).QuerySelectorAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal($"#a{row.ActionId}-Narrative", Row(page, row.ActionId).QuerySelector("[data-error-summary] a")!.GetAttribute("href"));
        Assert.Contains("Enter a narrative explaining why the action is Amber", page.Find($".mud-input-control:has(#a{row.ActionId}-Narrative)").TextContent);
        Assert.Empty(await UpdatesAsync(row.ActionId, view.Quarter));
    }

    [Fact]
    public async Task ChangeEvent_SomeoneElseSaves_RowReRendersWithTheirUpdate()
    {
        var (page, view, row) = await OpenAsync(2);
        var (scope, other) = await AsAsync<StrategyService>("admin");
        await using (scope)
            Assert.True((await other.SaveUpdateAsync(row.ActionId, view.Quarter, row.Version, new UpdateSubmission(RagStatus.Red, "Funding withdrawn", null))).Succeeded);

        page.WaitForAssertion(() => Assert.Contains("Funding withdrawn", Row(page, row.ActionId).QuerySelector("[data-current]")!.TextContent));
        Assert.Equal("Red", Row(page, row.ActionId).QuerySelector("[data-status] [data-rag]")!.GetAttribute("data-rag"));
        Assert.Empty(page.FindAll("[data-changed-elsewhere]"));
    }

    [Fact]
    public async Task ChangeEvent_SomeoneElseSavesWhileTheLeadTypes_NoticeThenTheirsBesideMine()
    {
        var (page, view, row) = await OpenAsync(3);
        ChooseRag(page, row.ActionId, RagStatus.Amber);
        page.Find($"#a{row.ActionId}-Narrative").Input("My words that must not be lost");
        var (scope, other) = await AsAsync<StrategyService>("admin");
        await using (scope)
            Assert.True((await other.SaveUpdateAsync(row.ActionId, view.Quarter, row.Version, new UpdateSubmission(RagStatus.Green, "Their update", null))).Succeeded);

        page.WaitForAssertion(() => Assert.Contains("Amanda Mumford changed this record", Row(page, row.ActionId).QuerySelector("[data-changed-elsewhere]")!.TextContent));
        Assert.Equal("My words that must not be lost", page.Find($"#a{row.ActionId}-Narrative").TextContent);
        await SaveAsync(page, row.ActionId);
        page.WaitForAssertion(() => Assert.Equal("Their update", Row(page, row.ActionId).QuerySelector("[data-conflict-field=Narrative] [data-theirs]")!.TextContent));
        Assert.Equal("My words that must not be lost", page.Find($"#a{row.ActionId}-Narrative").TextContent);
    }

    [Fact]
    public async Task Draft_Typed_KeptThenOfferedWhenThePageOpensAgainAndRestored()
    {
        var (page, view, row) = await OpenAsync(4);
        page.Find($"#a{row.ActionId}-Narrative").Input("Half-written at the last minute");
        page.WaitForAssertion(() => Assert.NotNull(Row(page, row.ActionId).QuerySelector("[data-draft-kept]")));
        var stored = await App.WithDbAsync(db => db.UpdateDrafts.SingleAsync(d => d.ActionId == row.ActionId && d.Year == view.Quarter.Year && d.Quarter == view.Quarter.Quarter));
        Assert.Equal("Half-written at the last minute", stored.Narrative);

        var again = Render<MyUpdates>();
        again.WaitForAssertion(() => Assert.Contains("You have an unsaved draft from", again.Find($"[data-action-id='{row.ActionId}'] [data-draft-offer]").TextContent));
        Assert.Equal(row.Previous!.Narrative, again.Find($"#a{row.ActionId}-Narrative").TextContent);
        again.Find($"[data-action-id='{row.ActionId}'] [data-restore]").Click();
        Assert.Equal("Half-written at the last minute", again.Find($"#a{row.ActionId}-Narrative").TextContent);
        Assert.Empty(again.FindAll($"[data-action-id='{row.ActionId}'] [data-draft-offer]"));

        // Saved: the draft has become the update and is gone.
        again.Find($"#a{row.ActionId}-Rag [data-rag-option=Green] input[type=radio]").Click();
        await again.Find($"[data-action-id='{row.ActionId}'] form").SubmitAsync();
        again.WaitForAssertion(() => Assert.NotNull(again.Find($"[data-action-id='{row.ActionId}'] [data-saved]")));
        Assert.False(await App.WithDbAsync(db => db.UpdateDrafts.AnyAsync(d => d.ActionId == row.ActionId && d.Year == view.Quarter.Year && d.Quarter == view.Quarter.Quarter)));
    }
}
