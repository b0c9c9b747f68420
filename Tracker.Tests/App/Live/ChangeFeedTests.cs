using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Live;

/// <summary>The app with the SignalR hub context replaced by a recorder.</summary>
public sealed class RecordingAppFactory : TrackerAppFactory
{
    public RecordingHubContext Hub { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IHubContext<TrackerHub>>(Hub));
    }
}

public sealed class ChangeFeedTests(RecordingAppFactory app) : IClassFixture<RecordingAppFactory>
{
    Task<int> IdOfAsync(string initials) =>
        app.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    // Seeding the sample data also sent "created" events; these tests are about edits.
    IReadOnlyList<ChangeEvent> EventsFor(int personId) => app.Hub.Changes.Where(c => c.Area == "people" && c.Key == personId.ToString() && c.Kind == "updated").ToList();

    [Fact]
    public async Task Save_Valid_OneEventToAreaAndRecordGroupsAfterCommit()
    {
        var id = await IdOfAsync("CT");
        string? committedValue = null;
        app.Hub.OnSend = async change =>
        {
            // Read through a separate connection: only committed data is visible there.
            await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT RoleTitle FROM People WHERE Id = {id}";
            committedValue = (string?)await command.ExecuteScalarAsync();
        };
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/people/{id}/edit", "person", new() { ["Form.RoleTitle"] = "Director of Public Health" });
        app.Hub.OnSend = null;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var change = Assert.Single(EventsFor(id));
        Assert.Equal(("updated", "Person CT", "Amanda Mumford", 2), (change.Kind, change.Label, change.By, change.Version));
        Assert.Equal("Director of Public Health", committedValue);
        var (groups, method, _) = app.Hub.Sent.Single(s => ReferenceEquals(s.Args[0], change));
        Assert.Equal(ChangeFeed.EventName, method);
        Assert.Equal(["people", $"people:{id}"], groups);
    }

    [Fact]
    public async Task Save_Invalid_NoEvent()
    {
        var id = await IdOfAsync("EO");
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/people/{id}/edit", "person", new() { ["Form.Name"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(EventsFor(id));
    }

    [Fact]
    public async Task Save_Stale_NoEvent()
    {
        var id = await IdOfAsync("RS");
        var admin = await app.SignInAsync("admin");
        var form = (await admin.GetPageAsync($"/people/{id}/edit")).FormNamed("person").CurrentValues();
        form["Form.Version"] = "0";
        var response = await admin.PostAsync($"/people/{id}/edit", new FormUrlEncodedContent(form));
        Assert.Contains("Someone else saved this record", await response.Content.ReadAsStringAsync());
        Assert.Empty(EventsFor(id));
    }

    [Fact]
    public async Task Save_Forbidden_NoEvent()
    {
        var id = await IdOfAsync("PP");
        var admin = await app.SignInAsync("admin");
        var form = (await admin.GetPageAsync($"/people/{id}/edit")).FormNamed("person").CurrentValues();
        var lead = await app.SignInAsync("lead");
        form["__RequestVerificationToken"] = (await lead.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form["Form.RoleTitle"] = "Changed by a lead";
        await lead.PostAsync($"/people/{id}/edit", new FormUrlEncodedContent(form));
        Assert.Empty(EventsFor(id));
    }
}

public sealed class ChangeFeedMergeTests
{
    static ChangeEvent Event(string kind, int version, string label = "Risk R2") =>
        new("risks", "2", kind, label, version, "Chair", DateTimeOffset.UnixEpoch);

    [Fact]
    public void OnePerRecord_RiskAndItsNewSnapshot_OneUpdatedEventWithHighestVersion()
    {
        var merged = Assert.Single(ChangeFeed.OnePerRecord([Event("updated", 4), Event("created", 1)]));
        Assert.Equal(("updated", 4), (merged.Kind, merged.Version));
    }

    [Fact]
    public void OnePerRecord_DifferentRecords_KeptApart() =>
        Assert.Equal(2, ChangeFeed.OnePerRecord([Event("created", 1), Event("created", 1, "Risk R3")]).Count());
}
