using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>
/// Strategy administration as an administrator uses it (bUnit over the real services and database):
/// the tree's commands, priorities, sub-priorities, objectives, actions, RAG definitions, metrics and figures.
/// </summary>
public sealed class StrategyAdministrationTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    // The whole strategy tree is a large page: bUnit re-reads its markup after every render.
    static readonly TimeSpan TreeRenders = TimeSpan.FromSeconds(30);

    NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    Task<int> StrategyIdAsync() => App.WithDbAsync(db => db.Strategies.Where(s => s.Title == SampleStrategies.History).Select(s => s.Id).SingleAsync());

    Task<int> PriorityIdAsync(int number) =>
        App.WithDbAsync(db => db.Priorities.Where(p => p.Number == number && p.Strategy!.Title == SampleStrategies.History).Select(p => p.Id).FirstAsync());

    Task<int> ObjectiveIdAsync(int priority, int number) =>
        App.WithDbAsync(db => db.Objectives.Where(o => o.Priority!.Number == priority && o.Number == number && o.Priority.Strategy!.Title == SampleStrategies.History).Select(o => o.Id).SingleAsync());

    // The 2020–23 strategy's metrics (history): the current strategy has some of the same names.
    Task<int> MetricIdAsync(string name) => App.WithDbAsync(db => db.Metrics
        .Where(m => m.Name == name && db.Strategies.Any(s => s.Id == m.StrategyId && s.Title == SampleStrategies.History)).Select(m => m.Id).SingleAsync());

    static IReadOnlyList<string> Summary<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim()).ToList();

    async Task<IRenderedComponent<T>> OpenAsync<T>(string url, Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        await SignInAsAsync("admin");
        Navigation.NavigateTo(url);
        var cut = Render<T>(parameters ?? (_ => { }));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("h1")));
        return cut;
    }

    static async Task SubmitAsync<T>(IRenderedComponent<T> cut) where T : IComponent => await cut.Find("form").SubmitAsync();

    // Short edits in dialogs over the lists

    [Fact]
    public async Task Tree_ChangePriorityInADialog_SavedDialogClosedAndTheTreeShowsIt()
    {
        var strategy = await StrategyIdAsync();
        var priority = await PriorityIdAsync(3);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var tree = await OpenAsync<AdminStrategy>($"/admin/strategy?strategy={strategy}");
        var heading = tree.FindAll("h2").Select(h => h.TextContent).First(t => t.StartsWith("Priority Three", StringComparison.Ordinal));
        tree.FindAll("button.tree-button").First(b => b.TextContent == $"Change {heading}").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Change a priority", dialogs.Find("#admin-dialog-title").TextContent), TreeRenders);
        Assert.Empty(dialogs.FindAll("[role=dialog] h1"));
        Assert.Equal("admin-dialog-title", dialogs.Find("[role=dialog] form").GetAttribute("aria-labelledby"));
        dialogs.Find("[role=dialog] #Title").Input("");
        await dialogs.Find("[role=dialog] form").SubmitAsync();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[role=dialog] [data-error-summary] li")));
        Assert.Equal("#Title", dialogs.Find("[role=dialog] [data-error-summary] a").GetAttribute("href"));

        dialogs.Find("[role=dialog] #Title").Input("Reducing Reoffending and Supporting Victims");
        await dialogs.Find("[role=dialog] form").SubmitAsync();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#admin-dialog-title")), TreeRenders);
        Assert.Equal("Reducing Reoffending and Supporting Victims", await App.WithDbAsync(db => db.Priorities.Where(p => p.Id == priority).Select(p => p.Title).SingleAsync()));
        tree.WaitForAssertion(() => Assert.Contains(tree.FindAll("h2"), h => h.TextContent.Contains("Reducing Reoffending and Supporting Victims")), TreeRenders);
    }

    [Fact]
    public async Task Metrics_AddFiguresInADialog_BlankRefusedInTheDialogThenCancelled()
    {
        var strategy = await StrategyIdAsync();
        var metric = await MetricIdAsync("Residential Burglary");
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var list = await OpenAsync<AdminMetrics>($"/admin/strategy/metrics?strategy={strategy}");
        list.Find($"[data-admin-metric='{metric}'] button.tree-button:nth-of-type(2)").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Add a period's figures", dialogs.Find("#admin-dialog-title").TextContent));
        Assert.Equal("Residential Burglary", dialogs.Find("[role=dialog] .caption").TextContent);
        dialogs.Find("[role=dialog] #Count").Input("");
        await dialogs.Find("[role=dialog] form").SubmitAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("Enter the rolling 12-month count",
            dialogs.FindAll("[role=dialog] [data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Contains("Enter the rolling 12-month count", dialogs.Find(".mud-input-control:has(#Count)").TextContent);

        dialogs.FindAll("[role=dialog] button").First(b => b.TextContent.Trim() == "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#admin-dialog-title")));
    }

    // Actions

    [Fact]
    public async Task CreateAction_OwnersByInitials_SavedWithOwners()
    {
        var objective = await ObjectiveIdAsync(1, 5);
        var cut = await OpenAsync<AdminActionEdit>($"/admin/strategy/objectives/{objective}/actions/new", p => p.Add(c => c.ObjectiveId, objective));
        cut.Find("#Number").Input("5.2");
        cut.Find("#Description").Input("Deploy two new mobile cameras");
        cut.Find("#Owners").Input("ts/ps");
        cut.Find("#TargetDate").Input("31/03/2022");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/strategy", Navigation.Uri));
        var owners = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == "5.2" && a.ObjectiveId == objective)
            .SelectMany(a => a.Owners.Select(o => o.Person!.Initials)).OrderBy(i => i).ToListAsync());
        Assert.Equal(["PS", "TS"], owners);
    }

    [Fact]
    public async Task CreateAction_UnknownInitialsAndImpossibleDate_MessagesOnTheirFields()
    {
        var objective = await ObjectiveIdAsync(1, 5);
        var cut = await OpenAsync<AdminActionEdit>($"/admin/strategy/objectives/{objective}/actions/new", p => p.Add(c => c.ObjectiveId, objective));
        cut.Find("#Description").Input("x");
        cut.Find("#Owners").Input("ZZ");
        cut.Find("#TargetDate").Input("31/02/2022");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["No one has the initials ZZ", "Target date must be a real date, like 31/03/2023"], Summary(cut)));
        Assert.Contains("No one has the initials ZZ", cut.Find(".mud-input-control:has(#Owners)").TextContent);
        Assert.Equal("31/02/2022", cut.Find("#TargetDate").GetAttribute("value"));
    }

    [Fact]
    public async Task CreateAction_NoOwners_MessageOnTheOwnersField()
    {
        var objective = await ObjectiveIdAsync(1, 5);
        var cut = await OpenAsync<AdminActionEdit>($"/admin/strategy/objectives/{objective}/actions/new", p => p.Add(c => c.ObjectiveId, objective));
        cut.Find("#Number").Input("5.9");
        cut.Find("#Description").Input("x");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Select at least one owner"], Summary(cut)));
        Assert.Equal("#Owners", cut.Find("[data-error-summary] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Tree_MoveAndRetire_ActionKeepsItsHistoryAndStaysInItsQuarter()
    {
        var objective = await ObjectiveIdAsync(1, 7);
        var (first, second) = await App.WithDbAsync(async db =>
        {
            var ids = await db.StrategyActions.Where(a => a.ObjectiveId == objective).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync();
            return (ids[0], ids[1]);
        });
        var strategy = await StrategyIdAsync();
        var cut = await OpenAsync<AdminStrategy>($"/admin/strategy?strategy={strategy}");
        var firstNumber = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == first).Select(a => a.Number).SingleAsync());
        var secondNumber = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == second).Select(a => a.Number).SingleAsync());
        await cut.FindAll($"[data-admin-objective='{objective}'] [data-admin-action='{firstNumber}'] button").Single(b => b.TextContent.StartsWith("Down")).ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal([secondNumber, firstNumber],
            cut.FindAll($"[data-admin-objective='{objective}'] [data-admin-action]").Take(2).Select(r => r.GetAttribute("data-admin-action")!).ToArray()), TreeRenders);
        cut.WaitForAssertion(() => cut.FindAll($"[data-admin-objective='{objective}'] [data-admin-action='{secondNumber}'] button").Single(b => b.TextContent.StartsWith("Retire")).Click(), TreeRenders);
        cut.WaitForAssertion(() => Assert.Contains("(retired)", cut.Find($"[data-admin-objective='{objective}'] [data-admin-action='{secondNumber}']").TextContent), TreeRenders);

        Assert.True(await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == second).Select(a => a.IsRetired).SingleAsync()));
        Assert.True(await App.WithDbAsync(db => db.QuarterlyUpdates.AnyAsync(u => u.ActionId == second)));
        var view = (await Circuit<StrategyQueries>().LoadAsync(strategy, new FinancialQuarter(2020, 4)))!;
        var overview = Render<StrategyOverview>(p => p.Add(o => o.View, view));
        Assert.Contains("(retired)", overview.Find($"[data-action='{secondNumber}']").TextContent);
    }

    // Priorities and sub-priorities

    [Fact]
    public async Task Priority_DuplicateNumber_RefusedThenAdded()
    {
        var strategy = await StrategyIdAsync();
        var cut = await OpenAsync<AdminPriorityEdit>($"/admin/strategy/{strategy}/priorities/new", p => p.Add(c => c.StrategyId, strategy));
        cut.Find("#Number").Input("2");
        cut.Find("#Title").Input("Road Safety");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Priority 2 already exists in this strategy"], Summary(cut)));
        Assert.Contains("Priority 2 already exists in this strategy", cut.Find(".mud-input-control:has(#Number)").TextContent);
        cut.Find("#Number").Input("5");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Contains("/admin/strategy?strategy=", Navigation.Uri));
        Assert.True(await App.WithDbAsync(db => db.Priorities.AnyAsync(p => p.Number == 5 && p.Title == "Road Safety")));
    }

    [Fact]
    public async Task CreateSubPriority_Valid_ListedOnTheTreeAndKeptByTheObjective()
    {
        var priority = await PriorityIdAsync(3);
        var cut = await OpenAsync<AdminSubPriorityEdit>($"/admin/strategy/priorities/{priority}/sub-priorities/new", p => p.Add(c => c.PriorityId, priority));
        cut.Find("#Number").Input("1");
        cut.Find("#Title").Input("Knife Crime");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/strategy", Navigation.Uri));
        var id = await App.WithDbAsync(db => db.SubPriorities.Where(s => s.PriorityId == priority && s.Title == "Knife Crime").Select(s => s.Id).SingleAsync());

        var tree = await OpenAsync<AdminStrategy>($"/admin/strategy?strategy={await StrategyIdAsync()}");
        Assert.Contains("Knife Crime", tree.Find($"[data-admin-sub-priority='{id}']").TextContent);

        // An objective put under it keeps it when saved again without touching it.
        var objective = await App.WithDbAsync(db => db.Objectives.Where(o => o.PriorityId == priority).Select(o => o.Id).FirstAsync());
        var (scope, admin) = await AsAsync<StrategyAdminService>("admin");
        await using (scope)
        {
            var o = (await admin.GetObjectiveAsync(objective))!;
            Assert.True((await admin.UpdateObjectiveAsync(objective, o.Version, o.Input with { SubPriorityId = id })).Succeeded);
        }
        var form = await OpenAsync<AdminObjectiveEdit>($"/admin/strategy/objectives/{objective}/edit", p => p.Add(c => c.Id, objective));
        Assert.NotNull(form.Find("#SubPriorityId"));
        await SubmitAsync(form);
        form.WaitForAssertion(() => Assert.EndsWith("/admin/strategy", Navigation.Uri));
        Assert.Equal(id, await App.WithDbAsync(db => db.Objectives.Where(o => o.Id == objective).Select(o => o.SubPriorityId).SingleAsync()));
    }

    [Fact]
    public async Task CreateSubPriority_BlankTitleAndTakenNumber_ErrorsWithTypedValuesKept()
    {
        var priority = await PriorityIdAsync(1);
        var cut = await OpenAsync<AdminSubPriorityEdit>($"/admin/strategy/priorities/{priority}/sub-priorities/new", p => p.Add(c => c.PriorityId, priority));
        cut.Find("#Number").Input("2");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Enter the sub-priority title", "Sub-priority 2 already exists in this priority"], Summary(cut)));
        Assert.Contains("Sub-priority 2 already exists in this priority", cut.Find(".mud-input-control:has(#Number)").TextContent);
        Assert.Equal("2", cut.Find("#Number").GetAttribute("value"));
    }

    [Fact]
    public async Task SubPriority_MoveAndRetire_RenumberedAndMarkedRetired()
    {
        var priority = await PriorityIdAsync(1);
        var (scope, admin) = await AsAsync<StrategyAdminService>("admin");
        await using (scope) Assert.True((await admin.SaveSubPriorityAsync(priority, null, 0, new SubPriorityInput(9, "Theft of Motor Vehicles"))).Succeeded);
        var id = await App.WithDbAsync(db => db.SubPriorities.Where(s => s.Title == "Theft of Motor Vehicles").Select(s => s.Id).SingleAsync());
        var last = await App.WithDbAsync(db => db.SubPriorities.CountAsync(s => s.PriorityId == priority));

        var cut = await OpenAsync<AdminStrategy>($"/admin/strategy?strategy={await StrategyIdAsync()}");
        await cut.FindAll($"[data-admin-sub-priority='{id}'] button").Single(b => b.TextContent.StartsWith("Up")).ClickAsync(new());
        Assert.Equal(last - 1, await App.WithDbAsync(db => db.SubPriorities.Where(s => s.Id == id).Select(s => s.Number).SingleAsync()));
        cut.WaitForAssertion(() => cut.FindAll($"[data-admin-sub-priority='{id}'] button").Single(b => b.TextContent.StartsWith("Retire")).Click(), TreeRenders);
        cut.WaitForAssertion(() => Assert.Contains("(retired)", cut.Find($"[data-admin-sub-priority='{id}']").TextContent), TreeRenders);
        Assert.True(await App.WithDbAsync(db => db.SubPriorities.Where(s => s.Id == id).Select(s => s.IsRetired).SingleAsync()));
    }

    [Fact]
    public async Task ChangeSubPriority_SomeoneSavedFirst_ConflictKeepsTypedTitle()
    {
        var id = await App.WithDbAsync(db => db.SubPriorities.Where(s => s.Title == "ASB").Select(s => s.Id).FirstAsync());
        var cut = await OpenAsync<AdminSubPriorityEdit>($"/admin/strategy/sub-priorities/{id}/edit", p => p.Add(c => c.Id, id));
        cut.Find("#Title").Input("ASB and envirocrime");
        var (scope, admin) = await AsAsync<StrategyAdminService>("admin");
        await using (scope)
        {
            var sub = (await admin.GetSubPriorityAsync(id))!;
            Assert.True((await admin.SaveSubPriorityAsync(sub.PriorityId, id, sub.Version, sub.Input with { Title = "Anti-social behaviour" })).Succeeded);
        }
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"], Summary(cut)));
        Assert.Equal("Anti-social behaviour", cut.Find("[data-conflict-field=Title] [data-theirs]").TextContent);
        Assert.Equal("ASB and envirocrime", cut.Find("#Title").GetAttribute("value"));
        Assert.Equal("Anti-social behaviour", await App.WithDbAsync(db => db.SubPriorities.Where(s => s.Id == id).Select(s => s.Title).SingleAsync()));
    }

    // RAG definitions

    [Fact]
    public async Task RagDefinitions_Changed_ShownBesideTheChoiceOnTheUpdateForm()
    {
        var cut = await OpenAsync<AdminRagDefinitions>("/admin/strategy/rag-definitions");
        cut.Find("#Amber").Input("Slipping: the sub-group has a recovery plan");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/strategy", Navigation.Uri));
        var id = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == "1.2").Select(a => a.Id).FirstAsync());
        Navigation.NavigateTo($"/actions/{id}/update");
        var form = Render<ActionUpdate>(p => p.Add(c => c.Id, id));
        form.WaitForAssertion(() => Assert.Equal("Slipping: the sub-group has a recovery plan", form.Find("[data-rag-option=Amber] .rag-choice__definition").TextContent));
    }

    [Fact]
    public async Task RagDefinitions_Blank_RefusedOnItsField()
    {
        var cut = await OpenAsync<AdminRagDefinitions>("/admin/strategy/rag-definitions");
        cut.Find("#Red").Input("");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Enter the definition of Red"], Summary(cut)));
        Assert.Equal("#Red", cut.Find("[data-error-summary] a").GetAttribute("href"));
    }

    // Metrics

    [Fact]
    public async Task CreateMetricAndFigures_Valid_ChangeAndSuggestedRagShownAfterSaving()
    {
        var strategy = await StrategyIdAsync();
        var cut = await OpenAsync<AdminMetricEdit>($"/admin/strategy/{strategy}/metrics/new", p => p.Add(c => c.StrategyId, strategy));
        cut.Find("#Name").Input("Stalking and Harassment");
        cut.Find("#RedAbovePercent").Input("10");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Contains($"/admin/strategy/metrics?strategy={strategy}", Navigation.Uri));
        var metric = await MetricIdAsync("Stalking and Harassment");

        var list = await OpenAsync<AdminMetrics>($"/admin/strategy/metrics?strategy={strategy}");
        Assert.Contains("Amber when it worsens by more than 0%; Red when it worsens by more than 10%", list.Find($"[data-admin-metric='{metric}']").TextContent);

        var figures = await OpenAsync<AdminMetricValueEdit>($"/admin/strategy/metrics/{metric}/values/new", p => p.Add(c => c.MetricId, metric));
        figures.Find("#Year").Input("2020");
        figures.Find("#PeriodLabel").Input("Rolling Year Jan 21");
        figures.Find("#Count").Input("1,150");
        figures.Find("#PreviousCount").Input("1000");
        // The quarter defaults to today's; the figures are for Quarter Four 2020/21.
        var (scope, metrics) = await AsAsync<MetricsAdminService>("admin");
        await using (scope)
        {
            var result = await metrics.SaveValueAsync(metric, null, 0, new MetricValueInput(2020, 4, "Rolling Year Jan 21", 1150, 1000));
            Assert.True(result.Succeeded);
            var saved = await OpenAsync<AdminMetrics>($"/admin/strategy/metrics?strategy={strategy}&saved={result.Id}");
            var banner = saved.Find("[data-metric-saved]");
            Assert.Contains("Figures saved for Stalking and Harassment, Quarter Four 2020/21", banner.TextContent);
            Assert.Equal("+15% (1,000)", banner.QuerySelector("[data-metric-change]")!.TextContent);
            Assert.Equal("Red", banner.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));
        }
        var view = (await Circuit<StrategyQueries>().LoadAsync(strategy, new FinancialQuarter(2020, 4)))!;
        Assert.Contains(view.Metrics, m => m.Name == "Stalking and Harassment");
    }

    [Fact]
    public async Task AddFigures_BlankAndFractionalCounts_ErrorsWithTypedValuesKept()
    {
        var metric = await MetricIdAsync("Gun Crime Offences");
        var cut = await OpenAsync<AdminMetricValueEdit>($"/admin/strategy/metrics/{metric}/values/new", p => p.Add(c => c.MetricId, metric));
        cut.Find("#Year").Input("2021");
        cut.Find("#PeriodLabel").Input("Rolling Year Apr 21");
        cut.Find("#PreviousCount").Input("12.5");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Previous rolling year's count must be a whole number, 0 or more"], Summary(cut)));
        Assert.Equal("12.5", cut.Find("#PreviousCount").GetAttribute("value"));

        cut.Find("#PreviousCount").Input("-3");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Enter the rolling 12-month count", "Previous rolling year's count must be a whole number, 0 or more"], Summary(cut)));
        Assert.Contains("Enter the rolling 12-month count", cut.Find(".mud-input-control:has(#Count)").TextContent);
        Assert.Equal("Rolling Year Apr 21", cut.Find("#PeriodLabel").GetAttribute("value"));
        Assert.Equal("-3", cut.Find("#PreviousCount").GetAttribute("value"));
    }

    [Fact]
    public async Task AddFigures_QuarterAlreadyEntered_Refused()
    {
        var metric = await MetricIdAsync("Hate Crime");
        var (scope, metrics) = await AsAsync<MetricsAdminService>("admin");
        await using var _ = scope;
        var result = await metrics.SaveValueAsync(metric, null, 0, new MetricValueInput(2020, 4, "Rolling Year Jan 21", 1, 1));
        Assert.Equal(["There are already figures for Quarter Four 2020/21: change those instead"], result.Errors.Select(e => e.Message));
        Assert.Equal("Quarter", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task EditMetric_RedBelowAmber_ErrorWithTypedValuesKept()
    {
        var metric = await MetricIdAsync("Knife Crime Offences");
        var cut = await OpenAsync<AdminMetricEdit>($"/admin/strategy/metrics/{metric}/edit", p => p.Add(c => c.Id, metric));
        cut.Find("#Name").Input("");
        cut.Find("#AmberAbovePercent").Input("20");
        cut.Find("#RedAbovePercent").Input("5");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Enter the metric name", "Red threshold must be the same as or more than the Amber threshold"], Summary(cut)));
        Assert.Equal("20", cut.Find("#AmberAbovePercent").GetAttribute("value"));
        Assert.Equal("5", cut.Find("#RedAbovePercent").GetAttribute("value"));
    }

    [Fact]
    public async Task ChangeFigures_SomeoneSavedFirst_ConflictKeepsTypedCount()
    {
        var metric = await MetricIdAsync("Total Burglary");
        var id = await App.WithDbAsync(db => db.MetricValues.Where(v => v.MetricId == metric).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        var cut = await OpenAsync<AdminMetricValueEdit>($"/admin/strategy/metric-values/{id}/edit", p => p.Add(c => c.Id, id));
        cut.Find("#Count").Input("1650");
        var (scope, metrics) = await AsAsync<MetricsAdminService>("admin");
        await using (scope)
        {
            var value = (await metrics.GetValueAsync(id))!;
            Assert.True((await metrics.SaveValueAsync(metric, id, value.Version, value.Input with { Count = 1700 })).Succeeded);
        }
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal(["Someone else saved this record while you were editing it"], Summary(cut)));
        Assert.Equal("1700", cut.Find("[data-conflict-field=Count] [data-theirs]").TextContent);
        Assert.Equal("1650", cut.Find("#Count").GetAttribute("value"));
        Assert.Equal(1700, await App.WithDbAsync(db => db.MetricValues.Where(v => v.Id == id).Select(v => v.Count).SingleAsync()));
    }
}
