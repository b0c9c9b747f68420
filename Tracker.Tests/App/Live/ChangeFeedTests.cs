using Tracker.App.Common;
using Tracker.App.Features.People;
using Tracker.Domain.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Live;

/// <summary>
/// The change feed as the circuits hear it: one event per saved record, to the area's topic and the
/// record's, only after the commit, and nothing for a refused save.
/// </summary>
public sealed class ChangeFeedTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    ChangeFeed Feed => app.Services.GetRequiredService<ChangeFeed>();

    Task<int> IdOfAsync(string initials) =>
        app.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    async Task<SaveResult> SaveAsAsync(string account, int id, Func<PersonInput, PersonInput> change, int? version = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, account));
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var person = (await people.GetForEditAsync(id))!;
        return await people.UpdateAsync(id, version ?? person.Version, change(person.Input));
    }

    /// <summary>Records what each topic hears while the test runs.</summary>
    sealed class Listener : IDisposable
    {
        readonly List<IDisposable> _subscriptions = [];
        public List<(string Topic, ChangeEvent Change)> Heard { get; } = [];
        public Action<ChangeEvent>? OnHear { get; set; }

        public Listener(ChangeFeed feed, params string[] topics)
        {
            foreach (var topic in topics)
                _subscriptions.Add(feed.Subscribe(topic, change =>
                {
                    OnHear?.Invoke(change);
                    lock (Heard) Heard.Add((topic, change));
                }));
        }

        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Save_Valid_OneEventToAreaAndRecordTopicsAfterCommit()
    {
        var id = await IdOfAsync("CT");
        string? committedValue = null;
        using var listener = new Listener(Feed, "people", $"people:{id}", "risks");
        listener.OnHear = change =>
        {
            // Read through a separate connection: only committed data is visible there.
            using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT RoleTitle FROM People WHERE Id = {id}";
            committedValue = (string?)command.ExecuteScalar();
        };

        Assert.True((await SaveAsAsync("admin", id, p => p with { RoleTitle = "Director of Public Health" })).Succeeded);

        Assert.Equal(["people", $"people:{id}"], listener.Heard.Select(h => h.Topic).Order());
        var change = listener.Heard[0].Change;
        Assert.Same(change, listener.Heard[1].Change);
        Assert.Equal(("updated", "Person CT", "Amanda Mumford", 2), (change.Kind, change.Label, change.By, change.Version));
        Assert.NotNull(change.ByUserId);
        Assert.Equal("Director of Public Health", committedValue);
    }

    [Fact]
    public async Task Save_Invalid_NoEvent()
    {
        var id = await IdOfAsync("EO");
        using var listener = new Listener(Feed, "people", $"people:{id}");
        Assert.NotEmpty((await SaveAsAsync("admin", id, p => p with { Name = "" })).Errors);
        Assert.Empty(listener.Heard);
    }

    [Fact]
    public async Task Save_Stale_NoEvent()
    {
        var id = await IdOfAsync("RS");
        using var listener = new Listener(Feed, "people", $"people:{id}");
        Assert.NotNull((await SaveAsAsync("admin", id, p => p with { RoleTitle = "Stale" }, version: 0)).Conflict);
        Assert.Empty(listener.Heard);
    }

    [Fact]
    public async Task Save_Forbidden_NoEvent()
    {
        var id = await IdOfAsync("PP");
        using var listener = new Listener(Feed, "people", $"people:{id}");
        Assert.NotNull((await SaveAsAsync("lead", id, p => p with { RoleTitle = "Changed by a lead" })).Denied);
        Assert.Empty(listener.Heard);
    }

    [Fact]
    public async Task Unsubscribe_Disposed_HearsNothingMore()
    {
        var id = await IdOfAsync("KL");
        var listener = new Listener(Feed, $"people:{id}");
        listener.Dispose();
        Assert.Equal(0, Feed.SubscriberCount($"people:{id}"));
        Assert.True((await SaveAsAsync("admin", id, p => p with { RoleTitle = "After leaving" })).Succeeded);
        Assert.Empty(listener.Heard);
    }

    [Fact]
    public async Task Publish_SubscriberThrows_OthersStillHearAndSaveSucceeds()
    {
        var id = await IdOfAsync("SB");
        using var failing = Feed.Subscribe($"people:{id}", _ => throw new InvalidOperationException("broken subscriber"));
        using var listener = new Listener(Feed, $"people:{id}");
        Assert.True((await SaveAsAsync("admin", id, p => p with { RoleTitle = "Still saved" })).Succeeded);
        Assert.Single(listener.Heard);
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
