using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    static FinancialQuarter Current => FinancialQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow));

    Task<int> ActionIdAsync(string number) =>
        app.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1).Select(a => a.Id).SingleAsync());

    Task<int> StrategyIdAsync() => app.WithDbAsync(db => db.Strategies.Select(s => s.Id).FirstAsync());

    [Fact]
    public async Task ReportAndDashboard_UpdateSavedAfterTheyWereRead_ShownOnTheVeryNextRequest()
    {
        var strategy = await StrategyIdAsync();
        var id = await ActionIdAsync("1.1");
        var member = await app.SignInAsync("member");
        var reportUrl = $"/actions/report?strategy={strategy}&year={Current.Year}&quarter={Current.Quarter}";
        var amberBefore = await PriorityOneAmberOnDashboardAsync(member);
        var reportBefore = await member.GetPageAsync(reportUrl);
        var rowBefore = reportBefore.QuerySelector(".tracker-report [data-report-action='1.1']")!;
        Assert.Contains("No update was given", rowBefore.TextContent);

        var admin = await app.SignInAsync("admin");
        var saved = await admin.PostFormAsync($"/actions/{id}/update?year={Current.Year}&quarter={Current.Quarter}", "action-update", new()
        {
            ["Form.Rag"] = "Amber", ["Form.Narrative"] = "Cache check: the forum met twice this quarter.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var row = (await member.GetPageAsync(reportUrl)).QuerySelector(".tracker-report [data-report-action='1.1']")!;
        Assert.Contains("Cache check: the forum met twice this quarter.", row.TextContent);
        Assert.Equal("Amber", row.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));
        var fragment = await member.GetAsync($"/live/strategy/report?strategy={strategy}&year={Current.Year}&quarter={Current.Quarter}");
        Assert.Contains("Cache check: the forum met twice this quarter.", await fragment.Content.ReadAsStringAsync());
        Assert.Equal(amberBefore + 1, await PriorityOneAmberOnDashboardAsync(member));
    }

    /// <summary>The dashboard's count of Amber actions in Priority One, for the current quarter (it has updates).</summary>
    static async Task<int> PriorityOneAmberOnDashboardAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/");
        var summary = page.QuerySelector("[data-strategy-summary]")!;
        Assert.Contains(Current.Label, summary.ParentElement!.TextContent);
        var amber = Array.IndexOf(summary.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray(), "Amber");
        var row = summary.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Contains("Priority One"));
        return int.Parse(row.Children[amber].TextContent.Trim().Split(' ')[0]);
    }

    [Fact]
    public async Task Overview_OwnersChangedAfterItWasRead_ShownOnTheVeryNextRequest()
    {
        var strategy = await StrategyIdAsync();
        var id = await ActionIdAsync("1.3");
        var member = await app.SignInAsync("member");
        var url = $"/actions?strategy={strategy}&year=2020&quarter=4";
        var before = (await member.GetPageAsync(url)).QuerySelector("[data-action='1.3']")!.TextContent;
        Assert.DoesNotContain("SB", before);

        var admin = await app.SignInAsync("admin");
        var edit = $"/admin/strategy/actions/{id}/edit";
        var owners = (await admin.GetPageAsync(edit)).FormNamed("strategy-action").CurrentValues()["Form.Owners"];
        var saved = await admin.PostFormAsync(edit, "strategy-action", new() { ["Form.Owners"] = owners + "/SB" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

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
            .Where(t => t.Namespace == typeof(StrategyAction).Namespace).ToList();
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
