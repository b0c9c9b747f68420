using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

public sealed class StrategyAdminTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    Task<int> ObjectiveIdAsync(int priority, int number) =>
        app.WithDbAsync(db => db.Objectives.Where(o => o.Priority!.Number == priority && o.Number == number).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task CreateAction_OwnersByInitials_SavedWithOwnersAndGroup()
    {
        var objective = await ObjectiveIdAsync(1, 5);
        var group = await app.WithDbAsync(db => db.Groups.Where(g => g.ShortName == "ASB and Envirocrime").Select(g => g.Id).SingleAsync());
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/admin/strategy/objectives/{objective}/actions/new", "strategy-action", new()
        {
            ["Form.Number"] = "5.2", ["Form.Description"] = "Deploy two new mobile cameras", ["Form.Owners"] = "ts/ps",
            ["Form.OwningGroupId"] = group.ToString(), ["Form.TargetDate"] = "31/03/2022",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var owners = await app.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == "5.2" && a.ObjectiveId == objective)
            .SelectMany(a => a.Owners.Select(o => o.Person!.Initials)).OrderBy(i => i).ToListAsync());
        Assert.Equal(["PS", "TS"], owners);
    }

    [Fact]
    public async Task CreateAction_UnknownInitialsAndNoNumber_Errors()
    {
        var objective = await ObjectiveIdAsync(1, 5);
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync($"/admin/strategy/objectives/{objective}/actions/new", "strategy-action", new()
        {
            ["Form.Number"] = "", ["Form.Description"] = "x", ["Form.Owners"] = "ZZ", ["Form.TargetDate"] = "31/02/2022",
        })).ParseAsync();
        Assert.Equal(["No one has the initials ZZ", "Target date must be a real date, like 31/03/2023"], page.ErrorSummary());
    }

    [Fact]
    public async Task Tree_RetireAndMove_ActionKeepsItsHistory()
    {
        var objective = await ObjectiveIdAsync(1, 7);
        var (first, second) = await app.WithDbAsync(async db =>
        {
            var ids = await db.StrategyActions.Where(a => a.ObjectiveId == objective).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync();
            return (ids[0], ids[1]);
        });
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/strategy", "strategy-tree", new() { ["Tree.Command"] = $"down:Action:{first}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/strategy", "strategy-tree", new() { ["Tree.Command"] = $"retire:Action:{second}" })).StatusCode);

        var order = await app.WithDbAsync(db => db.StrategyActions.Where(a => a.ObjectiveId == objective).OrderBy(a => a.Order).Select(a => a.Id).Take(2).ToListAsync());
        Assert.Equal([second, first], order);
        Assert.True(await app.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == second).Select(a => a.IsRetired).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.QuarterlyUpdates.AnyAsync(u => u.ActionId == second)));
        // Still shown in the quarter it was reported in.
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/actions?year=2020&quarter=4");
        Assert.Contains("(retired)", page.QuerySelector("[data-action='7.2']")!.TextContent);
    }

    [Fact]
    public async Task Tree_Lead_AccessDenied()
    {
        var lead = await app.SignInAsync("lead");
        var response = await lead.GetAsync("/admin/strategy");
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Priority_DuplicateNumber_RefusedThenAdded()
    {
        var strategy = await app.WithDbAsync(db => db.Strategies.Select(s => s.Id).FirstAsync());
        var admin = await app.SignInAsync("admin");
        var url = $"/admin/strategy/{strategy}/priorities/new";
        var page = await (await admin.PostFormAsync(url, "strategy-priority", new() { ["Form.Number"] = "2", ["Form.Title"] = "Road Safety" })).ParseAsync();
        Assert.Equal(["Priority 2 already exists in this strategy"], page.ErrorSummary());
        var response = await admin.PostFormAsync(url, "strategy-priority", new() { ["Form.Number"] = "5", ["Form.Title"] = "Road Safety" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Priorities.AnyAsync(p => p.Number == 5 && p.Title == "Road Safety")));
    }

    [Fact]
    public async Task RagDefinitions_Changed_ShownAsHintsOnTheUpdateForm()
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync("/admin/strategy/rag-definitions", "rag-definitions", new() { ["Form.Amber"] = "Slipping: the sub-group has a recovery plan" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == "1.2").Select(a => a.Id).FirstAsync());
        var form = await admin.GetPageAsync($"/actions/{id}/update");
        Assert.Equal("Slipping: the sub-group has a recovery plan", form.QuerySelector("#rag-2-item-hint")!.TextContent);
    }
}
