using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Strategy;
using Tracker.App.Live;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>
/// The strategy views read cached data: every save must show on the very next request. Each test
/// reads the page first, so the cache is warm when the save happens. Own factory: these tests save.
/// </summary>
public sealed class StrategyDataCacheTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    // What the pages default to: the quarter the next Strategic Group meeting reviews.
    FinancialQuarter Current => app.QuarterUnderReview();

    Task<int> ActionIdAsync(string number, string strategy) =>
        app.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1 && a.Objective.Priority.Strategy!.Title == strategy)
            .Select(a => a.Id).SingleAsync());

    Task<int> StrategyIdAsync(string title) => app.WithDbAsync(db => db.Strategies.Where(s => s.Title == title).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task ReportAndDashboard_UpdateSavedAfterTheyWereRead_ShownOnTheVeryNextRequest()
    {
        // The current strategy: the dashboard shows it for the quarter under review.
        var strategy = await StrategyIdAsync(SampleStrategies.Current);
        var id = await ActionIdAsync("1.1", SampleStrategies.Current);
        var member = await app.SignInAsync("member");
        var reportUrl = $"/actions/report?strategy={strategy}&year={Current.Year}&quarter={Current.Quarter}";
        var amberBefore = await PriorityOneAmberOnDashboardAsync(member);
        var reportBefore = await member.GetPageAsync(reportUrl);
        var rowBefore = reportBefore.QuerySelector("table.report [data-report-action='1.1']")!;
        Assert.Contains("No update was given", rowBefore.TextContent);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, "admin"));
            var version = await app.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
            var saved = await scope.ServiceProvider.GetRequiredService<StrategyService>()
                .SaveUpdateAsync(id, Current, version, new UpdateSubmission(RagStatus.Amber, "Cache check: the forum met twice this quarter.", null));
            Assert.True(saved.Succeeded);
        }

        var row = (await member.GetPageAsync(reportUrl)).QuerySelector("table.report [data-report-action='1.1']")!;
        Assert.Contains("Cache check: the forum met twice this quarter.", row.TextContent);
        Assert.Equal("Amber", row.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));
        Assert.Equal(amberBefore + 1, await PriorityOneAmberOnDashboardAsync(member));
    }

    /// <summary>The dashboard's count of Amber actions in Priority One, for the quarter under review (it has updates).</summary>
    async Task<int> PriorityOneAmberOnDashboardAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/");
        var summary = page.QuerySelector("[data-strategy-summary]")!;
        Assert.Contains(Current.Label, summary.Closest("[data-strategy-panel]")!.TextContent);
        var amber = Array.IndexOf(summary.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray(), "Amber");
        var row = summary.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Contains("Priority One"));
        return int.Parse(row.Children[amber].TextContent.Trim().Split(' ')[0]);
    }

    [Fact]
    public async Task Overview_OwnersChangedAfterItWasRead_ShownOnTheVeryNextRequest()
    {
        var strategy = await StrategyIdAsync(SampleStrategies.History);
        var id = await ActionIdAsync("1.3", SampleStrategies.History);
        var member = await app.SignInAsync("member");
        var url = $"/actions?strategy={strategy}&year=2020&quarter=4";
        var before = (await member.GetPageAsync(url)).QuerySelector("[data-action='1.3']")!.TextContent;
        Assert.DoesNotContain("SB", before);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, "admin"));
            var admin = scope.ServiceProvider.GetRequiredService<StrategyAdminService>();
            var action = (await admin.GetActionAsync(id))!;
            var member2 = await app.WithDbAsync(db => db.People.Where(p => p.Initials == "SB").Select(p => p.Id).SingleAsync());
            Assert.True((await admin.UpdateActionAsync(id, action.Version, action.Input with { OwnerIds = [.. action.Input.OwnerIds, member2] })).Succeeded);
        }

        var after = (await member.GetPageAsync(url)).QuerySelector("[data-action='1.3']")!.TextContent;
        Assert.Contains("SB", after);
    }

    [Fact]
    public void LiveTopics_EveryStrategyEntity_MapsToTheStrategyArea()
    {
        // The strategy cache is invalidated by the "strategy" area's version: an entity saved without
        // moving it would leave the dashboard and report stale.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Tracker.App.Data.TrackerDbContext>();
        var types = db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => t.Namespace == typeof(StrategyAction).Namespace)
            // A lead's draft is theirs alone and in no cached view: announcing it would tell everyone of each pause in their typing.
            .Where(t => t != typeof(UpdateDraft)).ToList();
        Assert.Null(LiveTopics.For(new UpdateDraft { UserId = "someone" }));
        Assert.Contains(typeof(StrategyActionOwner), types);
        foreach (var type in types)
        {
            var entity = RuntimeHelpers.GetUninitializedObject(type);
            // A quarter lock's label names its quarter, which must be a real one.
            foreach (var (name, value) in new[] { ("Year", 2020), ("Quarter", 1) })
                if (type.GetProperty(name) is { CanWrite: true } property && property.PropertyType == typeof(int)) property.SetValue(entity, value);
            var topic = LiveTopics.For(entity);
            Assert.True(topic?.Area == "strategy", $"{type.Name} is not in the strategy area");
        }
    }
}
