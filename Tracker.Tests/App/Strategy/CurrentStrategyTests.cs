using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>
/// The sample data's one story: the current strategy (2024–27) is the default everywhere and takes the
/// updates for the quarter under review; the 2020–23 strategy and its Quarter Four 2020/21 report are history.
/// These tests only read (a refused update saves nothing).
/// </summary>
public sealed class CurrentStrategyTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    FinancialQuarter UnderReview => App.QuarterUnderReview();

    Task<int> StrategyIdAsync(string title) => App.WithDbAsync(db => db.Strategies.Where(s => s.Title == title).Select(s => s.Id).SingleAsync());

    Task<HashSet<int>> ActionIdsAsync(int strategy) =>
        App.WithDbAsync(async db => (await db.StrategyActions.Where(a => a.Objective!.Priority!.StrategyId == strategy).Select(a => a.Id).ToListAsync()).ToHashSet());

    [Fact]
    public async Task DefaultStrategy_NoneNamed_TheCurrentOneWhoseYearsCoverTheQuarterUnderReview()
    {
        var current = await StrategyIdAsync(SampleStrategies.Current);
        var history = await StrategyIdAsync(SampleStrategies.History);
        var (scope, queries) = await AsAsync<StrategyQueries>("chair");
        await using var _ = scope;

        Assert.InRange(UnderReview.Year, 2024, 2026);
        Assert.Equal(current, await queries.CurrentStrategyIdAsync());
        Assert.Equal(current, await queries.ResolveStrategyIdAsync(null));
        Assert.Equal((current, UnderReview), await queries.ResolveAsync(null, null, null));
        var dashboard = (await queries.DashboardAsync())!;
        Assert.Equal((current, SampleStrategies.Current, UnderReview), (dashboard.StrategyId, dashboard.StrategyTitle, dashboard.Quarter));
        Assert.Equal(current, (await queries.CompletenessAsync((await queries.ResolveAsync(null, null, null))!.Value.StrategyId, UnderReview))!.StrategyId);
        // Both stay in the strategy selector, the current one first; history is reached by naming it or one of its quarters.
        Assert.Equal([(SampleStrategies.Current, true), (SampleStrategies.History, false)], (await queries.ListStrategiesAsync()).Select(s => (s.Title, s.IsCurrent)));
        Assert.Equal((history, new FinancialQuarter(2020, 4)), await queries.ResolveAsync(null, 2020, 4));
        Assert.Equal((history, UnderReview), await queries.ResolveAsync(history, null, null));
    }

    [Fact]
    public async Task Report_QuarterFour2020NotNamingTheStrategy_FromHistoryWithItsFigures()
    {
        var (scope, queries) = await AsAsync<StrategyQueries>("member");
        await using var _ = scope;
        var (id, quarter) = (await queries.ResolveAsync(null, 2020, 4))!.Value;
        var view = (await queries.LoadAsync(id, quarter))!;

        Assert.Equal(SampleStrategies.History, view.Title);
        Assert.Equal("Priority One – Safer Neighbourhoods", view.Priorities[0].Heading);
        Assert.Equal(11, view.Metrics.Count);
        var knife = Assert.Single(view.Metrics, m => m.Name == "Knife Crime Offences");
        Assert.Equal((639, 1216, "-47% (1,216)", "Rolling Year Jan 21"), (knife.Count, knife.PreviousCount, knife.ChangeText, knife.PeriodLabel));
        Assert.Equal(RagStatus.Green, view.Actions.Single(a => a.Description.StartsWith("Police will provide a crime update")).Rag);
        // The history takes no current updates: none of its actions has one after 2020/21.
        var historyActions = await ActionIdsAsync(id);
        Assert.False(await App.WithDbAsync(db => db.QuarterlyUpdates.AnyAsync(u => historyActions.Contains(u.ActionId) && u.Year > 2020)));
    }

    [Fact]
    public async Task CurrentStrategy_Sample_QuarterlyHistorySince2024Q1AndRollingYearMetrics()
    {
        var current = await StrategyIdAsync(SampleStrategies.Current);
        var (scope, queries) = await AsAsync<StrategyQueries>("member");
        await using var _ = scope;

        var first = (await queries.LoadAsync(current, new FinancialQuarter(2024, 1)))!;
        Assert.All(first.Actions.Where(a => a.StartDate < new DateOnly(2024, 7, 1)), a => Assert.NotNull(a.Update));
        Assert.All(first.Actions, a => Assert.InRange(a.TargetDate!.Value, new DateOnly(2025, 3, 31), new DateOnly(2027, 3, 31)));
        var previous = (await queries.LoadAsync(current, UnderReview.Previous))!;
        Assert.All(previous.Actions, a => Assert.NotNull(a.Update));
        // A believable mix across the quarters: every RAG appears.
        var rags = new List<RagStatus?>();
        for (var q = new FinancialQuarter(2024, 1); q < UnderReview; q = q.Next)
            rags.AddRange((await queries.LoadAsync(current, q))!.Actions.Select(a => a.Rag));
        Assert.Subset(rags.ToHashSet(), new HashSet<RagStatus?> { RagStatus.Green, RagStatus.Amber, RagStatus.Red, RagStatus.Blue });

        var now = (await queries.LoadAsync(current, UnderReview))!;
        var burglary = Assert.Single(now.Metrics, m => m.Name == "Residential Burglary");
        Assert.StartsWith("Rolling Year ", burglary.PeriodLabel);
        var charts = (await queries.ChartsAsync(current, UnderReview))!;
        Assert.All(charts.Metrics, t => Assert.True(t.Points.Count >= 4, $"{t.Name} has figures for every quarter since 2024/25 Q1"));
    }

    [Fact]
    public async Task MyUpdates_SampleLead_CurrentStrategyOnlyWithSomeOutstandingForTheQuarterUnderReview()
    {
        var current = await ActionIdsAsync(await StrategyIdAsync(SampleStrategies.Current));
        var (scope, queries) = await AsAsync<StrategyQueries>("lead");
        await using var _ = scope;
        var my = await queries.MyUpdatesAsync();

        Assert.Equal(UnderReview, my.Quarter);
        Assert.NotNull(my.Review.Meeting);
        Assert.All(my.Rows, r => Assert.Contains(r.ActionId, current));
        var outstanding = my.Rows.Where(r => r.State == MyUpdateState.NotUpdated).Select(r => $"{r.PriorityHeading} {r.Number}").ToList();
        Assert.Equal(["Priority One – Safer Neighbourhoods 1.2", "Priority One – Safer Neighbourhoods 3.2",
            "Priority One – Safer Neighbourhoods 5.1", "Priority One – Safer Neighbourhoods 8.3"], outstanding);
        Assert.Contains(my.Rows, r => r.State == MyUpdateState.Updated);
        Assert.All(my.Rows, r => Assert.NotNull(r.Previous));
    }

    [Fact]
    public async Task Counts_MyUpdatesBoardAndDashboard_AgreeOnTheSampleData()
    {
        var (leadScope, lead) = await AsAsync<StrategyQueries>("lead");
        await using var _ = leadScope;
        var my = await lead.MyUpdatesAsync();
        var (chairScope, chair) = await AsAsync<StrategyQueries>("chair");
        await using var __ = chairScope;
        var (strategy, quarter) = (await chair.ResolveAsync(null, null, null))!.Value;
        var board = (await chair.CompletenessAsync(strategy, quarter))!;
        var dashboard = (await chair.DashboardAsync())!;

        var row = board.ByLead.Single(r => r.Name == "Peter Sibley");
        Assert.Equal((my.Rows.Count, my.Updated), (row.Total, row.Updated));
        Assert.Equal(my.Rows.Count(r => r.State == MyUpdateState.NotUpdated), row.Outstanding + row.Late);

        var counts = dashboard.Priorities.SelectMany(p => p.Counts).ToList();
        Assert.Equal(board.ByGroup.Sum(r => r.Total) + board.WithoutSubGroup.Count, counts.Sum(c => c.Count));
        Assert.Equal(board.ByGroup.Sum(r => r.Updated) + board.WithoutSubGroup.Count(a => a.Update is not null), counts.Where(c => c.Rag is not null).Sum(c => c.Count));
        Assert.True(counts.Where(c => c.Rag is null).Sum(c => c.Count) > 0 && board.ByGroup.Sum(r => r.Updated) > 0, "some updated, some outstanding");
    }

    [Fact]
    public async Task Export_NoStrategyNamed_OnlyTheStrategyOfTheQuarter()
    {
        var (scope, export) = await AsAsync<StrategyExport>("member");
        await using var _ = scope;
        static List<string> Rows(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        var now = Rows(await export.CsvAsync(UnderReview, null));
        Assert.NotEmpty(now);
        Assert.All(now, r => Assert.StartsWith(SampleStrategies.Current + ",", r));
        var then = Rows(await export.CsvAsync(new FinancialQuarter(2020, 4), null));
        Assert.NotEmpty(then);
        Assert.All(then, r => Assert.StartsWith(SampleStrategies.History + ",", r));
    }

    [Fact]
    public async Task SaveUpdateAsync_HistoryActionForTheQuarterUnderReview_RefusedAndNothingSaved()
    {
        var id = await App.WithDbAsync(db => db.StrategyActions
            .Where(a => a.Number == "1.1" && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title == SampleStrategies.History).Select(a => a.Id).SingleAsync());
        var version = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var (scope, service) = await AsAsync<StrategyService>("admin");
        await using var _ = scope;

        var result = await service.SaveUpdateAsync(id, UnderReview, version, new UpdateSubmission(RagStatus.Green, "Belongs to the current strategy", null));

        Assert.Equal([$"You cannot update this action for {UnderReview.Label}: the {SampleStrategies.History} ended with Quarter Four 2022/23 and is kept as history"],
            result.Errors.Select(e => e.Message));
        Assert.False(await App.WithDbAsync(db => db.QuarterlyUpdates.AnyAsync(u => u.ActionId == id && u.Year == UnderReview.Year && u.Quarter == UnderReview.Quarter)));
    }

    [Fact]
    public async Task ActionPage_HistoryAction_SaysSoWithNoUpdateButton()
    {
        Task<int> IdAsync(string strategy) => App.WithDbAsync(db => db.StrategyActions
            .Where(a => a.Number == "1.2" && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title == strategy).Select(a => a.Id).SingleAsync());
        var (historyId, currentId) = (await IdAsync(SampleStrategies.History), await IdAsync(SampleStrategies.Current));
        await SignInAsAsync("admin");

        var history = Render<ActionPage>(p => p.Add(a => a.Id, historyId));
        history.WaitForAssertion(() => Assert.Equal(
            $"This action belongs to the {SampleStrategies.History}, which is kept as history: it takes no updates for {UnderReview.Label}. See the current strategy's actions.",
            history.Find("[data-history]").TextContent.Trim()));
        Assert.DoesNotContain("Update for", history.Markup);

        var current = Render<ActionPage>(p => p.Add(a => a.Id, currentId));
        current.WaitForAssertion(() => Assert.Contains($"Update for {UnderReview.Label}", current.Markup));
        Assert.Empty(current.FindAll("[data-history]"));
    }

    [Fact]
    public async Task QuarterSelector_YearOfAnotherStrategyOrAnotherStrategy_ThatYearsStrategyOrTheChosenStrategysNearestQuarter()
    {
        var (current, history) = (await StrategyIdAsync(SampleStrategies.Current), await StrategyIdAsync(SampleStrategies.History));
        await SignInAsAsync("member");
        var strategies = await Circuit<StrategyQueries>().ListStrategiesAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<QuarterSelector>(p => p.Add(c => c.Action, "/actions/report").Add(c => c.StrategyId, current)
            .Add(c => c.Quarter, UnderReview).Add(c => c.Strategies, strategies));
        var selects = cut.FindComponents<MudBlazor.MudSelect<int>>();
        Task Choose(int select, int value) => cut.InvokeAsync(() => selects[select].Instance.ValueChanged.InvokeAsync(value));

        // A year of the 2020–23 strategy: the report of that year's strategy, not an empty 2024–27 one.
        await Choose(1, 2020);
        Assert.EndsWith($"/actions/report?year=2020&quarter={UnderReview.Quarter}", navigation.Uri);
        await Choose(1, 2025);
        Assert.EndsWith($"/actions/report?strategy={current}&year=2025&quarter={UnderReview.Quarter}", navigation.Uri);
        // The 2020–23 strategy chosen from 2026/27: its last quarter.
        await Choose(0, history);
        Assert.EndsWith($"/actions/report?strategy={history}&year=2022&quarter=4", navigation.Uri);
    }
}
