using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

public sealed class SubPriorityAndMetricAdminTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    Task<int> PriorityIdAsync(int number) =>
        app.WithDbAsync(db => db.Priorities.Where(p => p.Number == number).Select(p => p.Id).FirstAsync());

    Task<int> MetricIdAsync(string name) =>
        app.WithDbAsync(db => db.Metrics.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());

    // Sub-priorities

    [Fact]
    public async Task CreateSubPriority_Valid_ListedOnTheTreeAndOfferedToObjectives()
    {
        var priority = await PriorityIdAsync(3);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/admin/strategy/priorities/{priority}/sub-priorities/new", "strategy-sub-priority",
            new() { ["Form.Number"] = "1", ["Form.Title"] = "Knife Crime" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.SubPriorities.Where(s => s.PriorityId == priority && s.Title == "Knife Crime").Select(s => s.Id).SingleAsync());

        var tree = await admin.GetPageAsync("/admin/strategy");
        Assert.Contains("Knife Crime", tree.QuerySelector($"[data-admin-sub-priority='{id}']")!.TextContent);
        var objective = await app.WithDbAsync(db => db.Objectives.Where(o => o.PriorityId == priority).Select(o => o.Id).FirstAsync());
        var form = await admin.GetPageAsync($"/admin/strategy/objectives/{objective}/edit");
        Assert.NotNull(form.QuerySelector($"#sub-priority-id option[value='{id}']"));

        // The objective can be put under it, and saving it again keeps it there.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/strategy/objectives/{objective}/edit", "strategy-objective",
            new() { ["Form.SubPriorityId"] = id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/strategy/objectives/{objective}/edit", "strategy-objective", new())).StatusCode);
        Assert.Equal(id, await app.WithDbAsync(db => db.Objectives.Where(o => o.Id == objective).Select(o => o.SubPriorityId).SingleAsync()));
    }

    [Fact]
    public async Task CreateSubPriority_BlankTitleAndTakenNumber_ErrorsWithTypedValuesKept()
    {
        var priority = await PriorityIdAsync(1);
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/admin/strategy/priorities/{priority}/sub-priorities/new", "strategy-sub-priority",
            new() { ["Form.Number"] = "2", ["Form.Title"] = "" })).ParseAsync();
        Assert.Equal(["Enter the sub-priority title", "Sub-priority 2 already exists in this priority"], page.ErrorSummary());
        Assert.Equal("Sub-priority 2 already exists in this priority", page.FieldError("number"));
        Assert.Equal("2", page.QuerySelector("#number")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SubPriority_MoveAndRetire_RenumberedAndLeavesTheReport()
    {
        var priority = await PriorityIdAsync(1);
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/strategy/priorities/{priority}/sub-priorities/new", "strategy-sub-priority",
            new() { ["Form.Number"] = "9", ["Form.Title"] = "Theft of Motor Vehicles" })).StatusCode);
        var id = await app.WithDbAsync(db => db.SubPriorities.Where(s => s.Title == "Theft of Motor Vehicles").Select(s => s.Id).SingleAsync());
        var last = await app.WithDbAsync(db => db.SubPriorities.CountAsync(s => s.PriorityId == priority));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/strategy", "strategy-tree", new() { ["Tree.Command"] = $"up:SubPriority:{id}" })).StatusCode);
        Assert.Equal(last - 1, await app.WithDbAsync(db => db.SubPriorities.Where(s => s.Id == id).Select(s => s.Number).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/strategy", "strategy-tree", new() { ["Tree.Command"] = $"retire:SubPriority:{id}" })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.SubPriorities.Where(s => s.Id == id).Select(s => s.IsRetired).SingleAsync()));
        var tree = await admin.GetPageAsync("/admin/strategy");
        Assert.Contains("(retired)", tree.QuerySelector($"[data-admin-sub-priority='{id}']")!.TextContent);
    }

    [Fact]
    public async Task ChangeSubPriority_SomeoneSavedFirst_ConflictKeepsTypedTitle()
    {
        var id = await app.WithDbAsync(db => db.SubPriorities.Where(s => s.Title == "ASB").Select(s => s.Id).SingleAsync());
        var version = await app.WithDbAsync(db => db.SubPriorities.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        var admin = await app.SignInAsync("admin");
        var url = $"/admin/strategy/sub-priorities/{id}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, "strategy-sub-priority", new() { ["Form.Title"] = "Anti-social behaviour" })).StatusCode);

        var page = await (await admin.PostFormAsync(url, "strategy-sub-priority",
            new() { ["Form.Title"] = "ASB and envirocrime", ["Form.Version"] = version.ToString() })).ParseAsync();
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Equal("Anti-social behaviour", page.QuerySelector("[data-conflict-field=Title]")!.TextContent);
        Assert.Equal("ASB and envirocrime", page.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("Anti-social behaviour", await app.WithDbAsync(db => db.SubPriorities.Where(s => s.Id == id).Select(s => s.Title).SingleAsync()));
    }

    // Metrics

    [Fact]
    public async Task CreateMetricAndFigures_Valid_ChangeAndSuggestedRagShownAfterSaving()
    {
        var strategy = await app.WithDbAsync(db => db.Strategies.Select(s => s.Id).FirstAsync());
        var priority = await PriorityIdAsync(2);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/admin/strategy/{strategy}/metrics/new", "strategy-metric", new()
        {
            ["Form.Name"] = "Stalking and Harassment", ["Form.PriorityId"] = priority.ToString(), ["Form.LowerIsBetter"] = "lower",
            ["Form.AmberAbovePercent"] = "0", ["Form.RedAbovePercent"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var metric = await MetricIdAsync("Stalking and Harassment");
        var list = await admin.GetPageAsync($"/admin/strategy/metrics?strategy={strategy}");
        Assert.Contains("Amber when it worsens by more than 0%; Red when it worsens by more than 10%", list.QuerySelector($"[data-admin-metric='{metric}']")!.TextContent);

        response = await admin.PostFormAsync($"/admin/strategy/metrics/{metric}/values/new", "metric-value", new()
        {
            ["Form.Year"] = "2020", ["Form.Quarter"] = "4", ["Form.PeriodLabel"] = "Rolling Year Jan 21",
            ["Form.Count"] = "1,150", ["Form.PreviousCount"] = "1000",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        var banner = saved.QuerySelector("[data-metric-saved]")!;
        Assert.Contains("Figures saved for Stalking and Harassment, Quarter Four 2020/21", banner.TextContent);
        Assert.Equal("+15% (1,000)", banner.QuerySelector("[data-metric-change]")!.TextContent);
        Assert.Equal("Red", banner.QuerySelector("[data-rag]")!.TextContent);

        // The report's metrics table shows the new figures for that quarter.
        var report = await admin.GetPageAsync($"/actions/report?year=2020&quarter=4&strategy={strategy}");
        Assert.Contains("Stalking and Harassment", report.Body!.TextContent);
    }

    [Fact]
    public async Task AddFigures_BlankAndFractionalCounts_ErrorsWithTypedValuesKept()
    {
        var metric = await MetricIdAsync("Gun Crime Offences");
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/admin/strategy/metrics/{metric}/values/new", "metric-value", new()
        {
            ["Form.Year"] = "2021", ["Form.Quarter"] = "1", ["Form.PeriodLabel"] = "Rolling Year Apr 21", ["Form.Count"] = "", ["Form.PreviousCount"] = "12.5",
        })).ParseAsync();
        Assert.Equal(["Previous rolling year's count must be a whole number, 0 or more"], page.ErrorSummary());
        Assert.Equal("12.5", page.QuerySelector("#previous-count")!.GetAttribute("value"));

        page = await (await admin.PostFormAsync($"/admin/strategy/metrics/{metric}/values/new", "metric-value", new()
        {
            ["Form.Year"] = "2021", ["Form.Quarter"] = "1", ["Form.PeriodLabel"] = "Rolling Year Apr 21", ["Form.Count"] = "", ["Form.PreviousCount"] = "-3",
        })).ParseAsync();
        Assert.Equal(["Enter the rolling 12-month count", "Previous rolling year's count must be a whole number, 0 or more"], page.ErrorSummary());
        Assert.Equal("Enter the rolling 12-month count", page.FieldError("count"));
        Assert.Equal("Rolling Year Apr 21", page.QuerySelector("#period-label")!.GetAttribute("value"));
        Assert.Equal("-3", page.QuerySelector("#previous-count")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AddFigures_QuarterAlreadyEntered_Refused()
    {
        var metric = await MetricIdAsync("Hate Crime");
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/admin/strategy/metrics/{metric}/values/new", "metric-value", new()
        {
            ["Form.Year"] = "2020", ["Form.Quarter"] = "4", ["Form.PeriodLabel"] = "Rolling Year Jan 21", ["Form.Count"] = "1", ["Form.PreviousCount"] = "1",
        })).ParseAsync();
        Assert.Equal(["There are already figures for Quarter Four 2020/21: change those instead"], page.ErrorSummary());
    }

    [Fact]
    public async Task EditMetric_RedBelowAmber_ErrorWithTypedValuesKept()
    {
        var metric = await MetricIdAsync("Knife Crime Offences");
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/admin/strategy/metrics/{metric}/edit", "strategy-metric", new()
        {
            ["Form.Name"] = "", ["Form.AmberAbovePercent"] = "20", ["Form.RedAbovePercent"] = "5",
        })).ParseAsync();
        Assert.Equal(["Enter the metric name", "Red threshold must be the same as or more than the Amber threshold"], page.ErrorSummary());
        Assert.Equal("20", page.QuerySelector("#amber-above-percent")!.GetAttribute("value"));
        Assert.Equal("5", page.QuerySelector("#red-above-percent")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ChangeFigures_SomeoneSavedFirst_ConflictKeepsTypedCount()
    {
        var metric = await MetricIdAsync("Total Burglary");
        var (id, version) = await app.WithDbAsync(async db =>
        {
            var v = await db.MetricValues.Where(v => v.MetricId == metric).Select(v => new { v.Id, v.Version }).SingleAsync();
            return (v.Id, v.Version);
        });
        var admin = await app.SignInAsync("admin");
        var url = $"/admin/strategy/metric-values/{id}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, "metric-value", new() { ["Form.Count"] = "1700" })).StatusCode);

        var page = await (await admin.PostFormAsync(url, "metric-value", new() { ["Form.Count"] = "1650", ["Form.Version"] = version.ToString() })).ParseAsync();
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Equal("1700", page.QuerySelector("[data-conflict-field=Count]")!.TextContent);
        Assert.Equal("1650", page.QuerySelector("#count")!.GetAttribute("value"));
        Assert.Equal(1700, await app.WithDbAsync(db => db.MetricValues.Where(v => v.Id == id).Select(v => v.Count).SingleAsync()));
    }

    [Theory]
    [InlineData("chair", "/admin/strategy/metrics")]
    [InlineData("lead", "/admin/strategy/metrics/1/values/new")]
    [InlineData("chair", "/admin/strategy/metrics/1/edit")]
    [InlineData("member", "/admin/strategy/priorities/1/sub-priorities/new")]
    public async Task AdminPages_NotAdministrator_AccessDenied(string account, string url)
    {
        var client = await app.SignInAsync(account);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AdminIndex_Administrator_LinksToMetrics()
    {
        var admin = await app.SignInAsync("admin");
        var page = await admin.GetPageAsync("/admin");
        Assert.NotNull(page.QuerySelector("[data-admin-links] a[href='/admin/strategy/metrics']"));
        var tree = await admin.GetPageAsync("/admin/strategy");
        Assert.NotNull(tree.QuerySelector("a[href^='/admin/strategy/metrics']"));
    }
}
