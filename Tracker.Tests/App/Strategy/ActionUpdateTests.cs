using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>The single-action update page and the chair's sign-off, with real services, database and change feed.</summary>
public sealed class ActionUpdateTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    // What the pages default to: the quarter the next Strategic Group meeting reviews.
    FinancialQuarter Current => App.QuarterUnderReview();

    /// <summary>An action of Priority One of the current strategy (the one taking updates), or of the 2020–23 strategy kept as history.</summary>
    Task<int> ActionIdAsync(string number, string strategy = SampleStrategies.Current) =>
        App.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title == strategy)
            .Select(a => a.Id).SingleAsync());

    Task<List<QuarterlyUpdate>> UpdatesAsync(int actionId, FinancialQuarter q) =>
        App.WithDbAsync(db => db.QuarterlyUpdates.Where(u => u.ActionId == actionId && u.Year == q.Year && u.Quarter == q.Quarter).OrderBy(u => u.Id).ToListAsync());

    async Task<IRenderedComponent<ActionUpdate>> OpenAsync(string account, int id, FinancialQuarter? quarter = null)
    {
        await SignInAsAsync(account);
        Services.GetRequiredService<NavigationManager>().NavigateTo(quarter is { } q ? $"/actions/{id}/update?year={q.Year}&quarter={q.Quarter}" : $"/actions/{id}/update");
        var cut = Render<ActionUpdate>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("h1")));
        return cut;
    }

    static void ChooseRag<T>(IRenderedComponent<T> cut, RagStatus rag) where T : IComponent =>
        cut.Find($"#Rag [data-rag-option={rag}] input[type=radio]").Click();

    static IReadOnlyList<string> Summary<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim()).ToList();

    string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task Save_LeadOfOwningGroup_SavedTouchingNothingElseAndShownInReport()
    {
        // 5.1 is owned by Toby Smith and the ASB and Envirocrime Sub-Group, which Peter Sibley leads.
        var id = await ActionIdAsync("5.1");
        var versionsBefore = await App.WithDbAsync(db => db.StrategyActions.ToDictionaryAsync(a => a.Id, a => a.Version));
        var cut = await OpenAsync("lead", id);
        ChooseRag(cut, RagStatus.Amber);
        cut.Find("#Narrative").Input("Two deployable cameras are out of action.\n\nWe are:\n- replacing them\n- <script>alert(1)</script> moving others");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.EndsWith($"/actions/{id}?saved=true", Uri));
        var saved = Assert.Single(await UpdatesAsync(id, Current));
        Assert.Equal((RagStatus.Amber, "Peter Sibley"), (saved.Rag, saved.AuthorName));
        var versionsAfter = await App.WithDbAsync(db => db.StrategyActions.ToDictionaryAsync(a => a.Id, a => a.Version));
        Assert.Equal([id], versionsAfter.Where(v => versionsBefore[v.Key] != v.Value).Select(v => v.Key));

        var strategy = await App.WithDbAsync(db => db.Strategies.Where(s => s.Title == SampleStrategies.Current).Select(s => s.Id).SingleAsync());
        var report = Render<ReportBody>(p => p.Add(r => r.View, Circuit<StrategyQueries>().LoadAsync(strategy, Current).Result!));
        var row = report.Find("[data-report-action='5.1']");
        Assert.Contains("Two deployable cameras are out of action.", row.TextContent);
        Assert.Equal(["replacing them", "<script>alert(1)</script> moving others"], row.QuerySelectorAll("li").Select(li => li.TextContent).ToArray());
        Assert.Null(row.QuerySelector("script"));
        Assert.Equal("Amber", row.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));

        var page = Render<ActionPage>(p => p.Add(a => a.Id, id));
        page.WaitForAssertion(() => Assert.Contains("has been saved", page.Find("[data-saved]").TextContent));
        Assert.Equal("Amber", page.Find($"[data-quarter='{Current.Key}'] [data-rag]").GetAttribute("data-rag"));
        // The quarter before keeps the sample's Amber (two cameras awaiting repair).
        Assert.Equal("Amber", page.Find($"[data-quarter='{Current.Previous.Key}'] [data-rag]").GetAttribute("data-rag"));
    }

    [Fact]
    public async Task Save_AmberWithoutNarrativeAndBadLink_MessagesOnTheirFieldsAndNothingSaved()
    {
        var id = await ActionIdAsync("3.2");
        var cut = await OpenAsync("lead", id);
        ChooseRag(cut, RagStatus.Amber);
        cut.Find("#Narrative").Input("");
        cut.Find("#EvidenceLink").Input("not a link");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Enter a narrative explaining why the action is Amber",
            "Enter the evidence link as a full web address, like https://www.bromley.gov.uk/report"], Summary(cut)));
        Assert.Equal("#Narrative", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains("Enter a narrative explaining why the action is Amber", cut.Find(".mud-input-control:has(#Narrative)").TextContent);
        Assert.Equal("not a link", cut.Find("#EvidenceLink").GetAttribute("value"));
        Assert.Empty(await UpdatesAsync(id, Current));
    }

    [Fact]
    public async Task Save_NoRag_SelectARagStatusAndNarrativeKept()
    {
        var id = await ActionIdAsync("3.2");
        var cut = await OpenAsync("lead", id);
        cut.Find("#Narrative").Input("Text");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Select a RAG status"], Summary(cut)));
        Assert.Equal("#Rag", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains("Select a RAG status", cut.Find("#Rag").TextContent);
        Assert.Equal("Text", cut.Find("#Narrative").TextContent);
    }

    [Fact]
    public async Task Open_RagChoices_EachWithItsDefinition()
    {
        var cut = await OpenAsync("lead", await ActionIdAsync("3.2"));
        Assert.Equal("RAG status", cut.Find("#Rag legend").TextContent);
        Assert.Equal(["Green", "Amber", "Red", "Blue"], cut.FindAll("[data-rag-option]").Select(o => o.GetAttribute("data-rag-option")!).ToArray());
        Assert.All(cut.FindAll(".rag-choice__definition"), d => Assert.False(string.IsNullOrWhiteSpace(d.TextContent)));
        Assert.Contains("Evidence link (optional)", cut.Markup);
    }

    [Theory]
    [InlineData("lead", "1.3")]   // owned by Chief Inspector Craig Knight alone
    [InlineData("member", "1.2")]
    public async Task Open_NotTheirs_PageSaysSoWithNoForm(string account, string number)
    {
        var cut = await OpenAsync(account, await ActionIdAsync(number));
        Assert.Contains("You cannot update this action", cut.Find("[data-cannot-update]").TextContent);
        Assert.Empty(cut.FindAll("form"));
    }

    [Theory]
    [InlineData("lead", "1.3", "You can only update actions that you or a sub-group you lead own. Action 1.3 is not one of them")]
    [InlineData("member", "1.2", "You cannot update actions: members can read the strategy but not change it")]
    public async Task SaveUpdateAsync_NotOwnerOrMember_ServiceRefuses(string account, string number, string message)
    {
        var id = await ActionIdAsync(number);
        var version = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var (scope, service) = await AsAsync<StrategyService>(account);
        await using var _ = scope;
        var result = await service.SaveUpdateAsync(id, Current, version, new UpdateSubmission(RagStatus.Green, "Not mine to change", null));
        Assert.Equal(message, result.Denied);
        Assert.DoesNotContain(await UpdatesAsync(id, Current), u => u.Narrative == "Not mine to change");
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_NoticeThenComparisonAndTheLeadsNarrativeKept()
    {
        var id = await ActionIdAsync("1.2");
        var cut = await OpenAsync("lead", id);
        ChooseRag(cut, RagStatus.Red);
        cut.Find("#Narrative").Input("My long narrative that must not be lost");

        var (scope, other) = await AsAsync<StrategyService>("admin");
        await using (scope)
        {
            var version = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
            Assert.True((await other.SaveUpdateAsync(id, Current, version, new UpdateSubmission(RagStatus.Green, "Their update", null))).Succeeded);
        }
        cut.WaitForAssertion(() => Assert.Contains("Amanda Mumford changed this record", cut.Find("[data-changed-elsewhere]").TextContent));
        Assert.Equal("My long narrative that must not be lost", cut.Find("#Narrative").TextContent);

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"], Summary(cut)));
        Assert.Equal("Their update", cut.Find("[data-conflict-field=Narrative] [data-theirs]").TextContent);
        Assert.Equal("My long narrative that must not be lost", cut.Find("#Narrative").TextContent);
        Assert.Equal("Their update", Assert.Single(await UpdatesAsync(id, Current)).Narrative);

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.EndsWith("saved=true", Uri));
        Assert.Equal(["Their update", "My long narrative that must not be lost"], (await UpdatesAsync(id, Current)).Select(r => r.Narrative));
    }

    [Fact]
    public async Task ChangeElsewhere_FormUntouched_ShowsTheirUpdate()
    {
        var id = await ActionIdAsync("2.1");
        var cut = await OpenAsync("admin", id);
        var (scope, other) = await AsAsync<StrategyService>("chair");
        await using (scope)
        {
            var version = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
            Assert.True((await other.SaveUpdateAsync(id, Current, version, new UpdateSubmission(RagStatus.Green, "Chair's note", null))).Succeeded);
        }
        cut.WaitForAssertion(() => Assert.Equal("Chair's note", cut.Find("#Narrative").TextContent));
        Assert.Empty(cut.FindAll("[data-changed-elsewhere]"));
    }

    [Fact]
    public async Task Lock_ChairSignsOff_LeadRefusedAdministratorNeedsReasonAndIsAudited()
    {
        // History: the 2020–23 strategy's Quarter Four 2020/21, signed off and corrected.
        var strategy = await App.WithDbAsync(db => db.Strategies.Where(s => s.Title == SampleStrategies.History).Select(s => s.Id).SingleAsync());
        var id = await ActionIdAsync("3.1", SampleStrategies.History);
        var q4 = new FinancialQuarter(2020, 4);

        await SignInAsAsync("chair");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/actions/completeness?strategy={strategy}&year=2020&quarter=4");
        var board = Render<CompletenessPage>();
        board.WaitForAssertion(() => board.Find("[data-sign-off]").Click());
        board.WaitForAssertion(() => Assert.Contains("Signed off and locked by", board.Find("[data-locked]").TextContent));
        Assert.True(await App.WithDbAsync(db => db.QuarterLocks.AnyAsync(l => l.StrategyId == strategy && l.Year == 2020 && l.Quarter == 4)));
        var (chairScope, chair) = await AsAsync<StrategyService>("chair");
        await using (chairScope) Assert.Equal("Quarter Four 2020/21 is already locked", Assert.Single((await chair.LockQuarterAsync(strategy, q4)).Errors).Message);

        var lead = await OpenAsync("lead", id, q4);
        Assert.Contains("is locked", lead.Find("[data-locked]").TextContent);
        Assert.Empty(lead.FindAll("textarea"));

        var admin = await OpenAsync("admin", id, q4);
        admin.Find("#Narrative").Input("Corrected figure: 60 CPWNs");
        await admin.Find("form").SubmitAsync();
        admin.WaitForAssertion(() => Assert.Equal(["Enter the reason for changing a locked quarter"], Summary(admin)));
        Assert.Equal("#LockReason", admin.Find("[data-error-summary] a").GetAttribute("href"));
        admin.Find("#LockReason").Input("Trading Standards corrected the CPWN count");
        await admin.Find("form").SubmitAsync();
        admin.WaitForAssertion(() => Assert.EndsWith("saved=true", Uri));

        var rows = await UpdatesAsync(id, q4);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Corrected figure: 60 CPWNs", rows[^1].Narrative);
        var key = rows[^1].Id.ToString();
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "QuarterlyUpdate" && a.EntityKey == key).SingleAsync());
        Assert.Equal("Amanda Mumford", audit.UserName);
        Assert.Contains("Trading Standards corrected the CPWN count", audit.Reason);
        Assert.Contains("Quarter Four 2020/21", audit.Reason);

        var page = Render<ActionPage>(p => p.Add(a => a.Id, id));
        page.WaitForAssertion(() => Assert.Contains("Earlier versions for 2020/21 Q4 (1)", page.Find("[data-quarter='20204']").TextContent));
    }

    [Fact]
    public async Task Draft_TypedOnTheSingleActionPage_OfferedWhenItOpensAgainAndRestored()
    {
        var id = await ActionIdAsync("5.1");
        var cut = await OpenAsync("lead", id, new FinancialQuarter(2019, 2));
        cut.Find("#Narrative").Input("Drafted before the connection dropped");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-draft-kept]")));

        var again = await OpenAsync("lead", id, new FinancialQuarter(2019, 2));
        again.WaitForAssertion(() => Assert.Contains("You have an unsaved draft from", again.Find("[data-draft-offer]").TextContent));
        again.Find("[data-restore]").Click();
        Assert.Equal("Drafted before the connection dropped", again.Find("#Narrative").TextContent);
        Assert.Empty(again.FindAll("[data-draft-offer]"));
    }
}
