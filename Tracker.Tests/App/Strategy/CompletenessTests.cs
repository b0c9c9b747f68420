using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>The clerk's completeness board: counts that agree with each lead's My updates, named actions, live.</summary>
public sealed class CompletenessTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    // What the pages default to: the quarter the next Strategic Group meeting reviews.
    FinancialQuarter Current => App.QuarterUnderReview();

    // The current strategy: the one taking updates for the quarter under review.
    Task<int> StrategyIdAsync() => App.WithDbAsync(db => db.Strategies.Where(s => s.Title == SampleStrategies.Current).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task CompletenessAsync_Lead_CountsAgreeWithTheirMyUpdates()
    {
        var strategy = await StrategyIdAsync();
        var (scope, leadQueries) = await AsAsync<StrategyQueries>("lead");
        await using var _ = scope;
        var my = await leadQueries.MyUpdatesAsync();
        var board = (await leadQueries.CompletenessAsync(strategy, my.Quarter))!;

        var row = board.ByLead.Single(r => r.Name == "Peter Sibley");
        Assert.Equal(my.Rows.Count, row.Total);
        Assert.Equal(my.Rows.Count(r => r.State == MyUpdateState.Updated), row.Updated);
    }

    [Fact]
    public async Task CompletenessAsync_ActionsWithoutSubGroup_NamedNotCountedAsARow()
    {
        var strategy = await StrategyIdAsync();
        var (scope, queries) = await AsAsync<StrategyQueries>("chair");
        await using var _ = scope;
        var board = (await queries.CompletenessAsync(strategy, Current))!;

        Assert.DoesNotContain(board.ByGroup, r => r.Name.StartsWith("No sub-group"));
        var unowned = await App.WithDbAsync(db => db.StrategyActions
            .Where(a => a.OwningGroupId == null && !a.IsRetired && !a.Objective!.IsRetired && a.Objective.Priority!.StrategyId == strategy).CountAsync());
        Assert.Equal(unowned, board.WithoutSubGroup.Count);
        Assert.Equal(board.ByGroup.Sum(r => r.Total) + board.WithoutSubGroup.Count,
            (await queries.LoadAsync(strategy, Current))!.Actions.Count(a => !a.IsRetired));
    }

    [Fact]
    public async Task Board_LeadSaves_ReRendersWithTheNewCount()
    {
        var strategy = await StrategyIdAsync();
        var quarter = Current;
        var id = await App.WithDbAsync(db => db.StrategyActions
            .Where(a => !a.IsRetired && a.Objective!.Priority!.StrategyId == strategy && a.Owners.Any(o => o.Person!.Initials == "PS")
                        && !a.Updates.Any(u => u.Year == quarter.Year && u.Quarter == quarter.Quarter))
            .Select(a => a.Id).FirstAsync());
        await SignInAsAsync("chair");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/actions/completeness?strategy={strategy}&year={quarter.Year}&quarter={quarter.Quarter}");
        var cut = Render<CompletenessPage>();
        string Updated() => cut.Find("[data-completeness=lead] [data-row='Peter Sibley'] [data-updated]").TextContent;
        cut.WaitForAssertion(() => Assert.NotEmpty(Updated()));
        var before = int.Parse(Updated());

        var (scope, lead) = await AsAsync<StrategyService>("lead");
        await using (scope)
        {
            var version = await App.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
            Assert.True((await lead.SaveUpdateAsync(id, quarter, version, new UpdateSubmission(RagStatus.Green, "On track", null))).Succeeded);
        }
        cut.WaitForAssertion(() => Assert.Equal((before + 1).ToString(), Updated()));
    }
}
