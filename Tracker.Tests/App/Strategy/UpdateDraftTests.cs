using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>Drafts of quarterly updates: kept per user, action and quarter, found again, and gone once the update is saved.</summary>
public abstract class UpdateDraftTestsBase(TrackerAppFactory app)
{
    /// <summary>Work done as a demo account ("lead", "admin", …) in a scope of its own, as in that person's circuit.</summary>
    async Task<T> AsAsync<T>(string account, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, account));
        return await work(scope.ServiceProvider);
    }

    Task<T> DraftsAsync<T>(string account, Func<UpdateDraftService, Task<T>> work) =>
        AsAsync(account, s => work(s.GetRequiredService<UpdateDraftService>()));

    /// <summary>One of the lead's actions, whatever the sample data names it.</summary>
    Task<int> LeadsActionAsync(int index = 0) =>
        AsAsync("lead", async s => (await s.GetRequiredService<StrategyQueries>().MyUpdatesAsync()).Rows[index].ActionId);

    Task<List<UpdateDraft>> StoredAsync(int actionId, FinancialQuarter quarter) =>
        app.WithDbAsync(db => db.UpdateDrafts.Where(d => d.ActionId == actionId && d.Year == quarter.Year && d.Quarter == quarter.Quarter).ToListAsync());

    [ProviderFact]
    public async Task KeepAsync_TypedTwice_OneDraftWithTheLatestText()
    {
        var id = await LeadsActionAsync();
        var quarter = new FinancialQuarter(2018, 1);
        Assert.True(await DraftsAsync("lead", d => d.KeepAsync(id, quarter, null, "Half a sent", null)));
        Assert.True(await DraftsAsync("lead", d => d.KeepAsync(id, quarter, RagStatus.Amber, "Half a sentence, then more.", "https://www.bromley.gov.uk/report")));

        var found = await DraftsAsync("lead", d => d.FindAsync(id, quarter));
        Assert.Equal((RagStatus.Amber, "Half a sentence, then more.", "https://www.bromley.gov.uk/report"),
            (found!.Rag, found.Narrative, found.EvidenceLink));
        Assert.Single(await StoredAsync(id, quarter));
        Assert.Equal([id], (await DraftsAsync("lead", d => d.ForQuarterAsync(quarter))).Keys);
    }

    [ProviderFact]
    public async Task FindAsync_TwoPeopleDraftingOneAction_EachSeesOnlyTheirOwn()
    {
        var id = await LeadsActionAsync();
        var quarter = new FinancialQuarter(2018, 2);
        Assert.True(await DraftsAsync("lead", d => d.KeepAsync(id, quarter, RagStatus.Green, "The lead's words", null)));
        Assert.True(await DraftsAsync("admin", d => d.KeepAsync(id, quarter, RagStatus.Red, "The administrator's words", null)));

        Assert.Equal("The lead's words", (await DraftsAsync("lead", d => d.FindAsync(id, quarter)))!.Narrative);
        Assert.Equal("The administrator's words", (await DraftsAsync("admin", d => d.FindAsync(id, quarter)))!.Narrative);
        Assert.Null(await DraftsAsync("chair", d => d.FindAsync(id, quarter)));
        Assert.Empty(await DraftsAsync("chair", d => d.ForQuarterAsync(quarter)));
    }

    [ProviderFact]
    public async Task KeepAsync_MemberOrNotTheirAction_NotKept()
    {
        var id = await LeadsActionAsync();
        var quarter = new FinancialQuarter(2018, 3);
        Assert.False(await DraftsAsync("member", d => d.KeepAsync(id, quarter, RagStatus.Green, "Members read, they do not write", null)));
        Assert.False(await DraftsAsync("lead", d => d.KeepAsync(id, quarter, RagStatus.Green, new string('x', QuarterlyUpdateInputValidator.NarrativeMaxLength + 1), null)));
        Assert.Empty(await StoredAsync(id, quarter));
    }

    [ProviderFact]
    public async Task SaveUpdateAsync_WithDrafts_TheSaversDraftDeletedOthersKept()
    {
        var id = await LeadsActionAsync(1);
        var quarter = new FinancialQuarter(2018, 4);
        Assert.True(await DraftsAsync("lead", d => d.KeepAsync(id, quarter, RagStatus.Green, "Nearly done", null)));
        Assert.True(await DraftsAsync("admin", d => d.KeepAsync(id, quarter, RagStatus.Amber, "The administrator's note", null)));

        var version = await app.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var result = await AsAsync("lead", s => s.GetRequiredService<StrategyService>()
            .SaveUpdateAsync(id, quarter, version, new UpdateSubmission(RagStatus.Green, "Done: the plan was agreed", null)));

        Assert.True(result.Succeeded);
        Assert.Null(await DraftsAsync("lead", d => d.FindAsync(id, quarter)));
        Assert.Equal("The administrator's note", (await DraftsAsync("admin", d => d.FindAsync(id, quarter)))!.Narrative);
        // Drafts are private work in progress: never in the audit trail.
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(UpdateDraft))));
    }

    [ProviderFact]
    public async Task DiscardAsync_Draft_Removed()
    {
        var id = await LeadsActionAsync();
        var quarter = new FinancialQuarter(2017, 1);
        Assert.True(await DraftsAsync("lead", d => d.KeepAsync(id, quarter, null, "Not this", null)));
        await DraftsAsync("lead", async d => { await d.DiscardAsync(id, quarter); return 0; });
        Assert.Empty(await StoredAsync(id, quarter));
    }
}

/// <summary>The cases of <see cref="UpdateDraftTestsBase"/> on SQLite (the default provider).</summary>
public sealed class UpdateDraftTests(TrackerAppFactory app) : UpdateDraftTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class UpdateDraftTestsOnPostgreSql(PostgreSqlAppFactory app) : UpdateDraftTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
