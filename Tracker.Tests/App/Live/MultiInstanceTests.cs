using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tracker.App.Common;
using Tracker.App.Features.People;
using Tracker.App.Live;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Live;

/// <summary>Two instances of the app (two hosts) on one PostgreSQL database, as behind a load balancer.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public string Database { get; private set; } = "";
    public PostgreSqlAppFactory A { get; private set; } = null!;
    public PostgreSqlAppFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!PostgreSqlTestServer.Configured) return;
        Database = await PostgreSqlTestServer.CreateSeededDatabaseAsync();
        A = new PostgreSqlAppFactory(Database);
        B = new PostgreSqlAppFactory(Database);
        await Task.WhenAll(Task.Run(() => A.Services), Task.Run(() => B.Services));
        await WaitUntilListeningAsync(A);
        await WaitUntilListeningAsync(B);
    }

    public static async Task WaitUntilListeningAsync(TrackerAppFactory app)
    {
        var relay = app.Services.GetRequiredService<IChangeRelay>();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!relay.Listening)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The change relay did not start listening");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        if (!PostgreSqlTestServer.Configured) return;
        await A.DisposeAsync();
        await B.DisposeAsync();
        await PostgreSqlTestServer.DropDatabaseAsync(Database);
    }
}

public sealed class MultiInstanceTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>, IPostgreSqlTests
{
    static async Task<SaveResult> RenameRoleAsync(TrackerAppFactory app, string initials, string roleTitle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, "admin"));
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var id = await app.WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());
        var form = (await people.GetForEditAsync(id))!;
        return await people.UpdateAsync(id, form.Version, form.Input with { RoleTitle = roleTitle });
    }

    [ProviderFact]
    public async Task Save_OnInstanceA_ReachesSubscriberOnInstanceBWithinASecond()
    {
        var feedA = instances.A.Services.GetRequiredService<ChangeFeed>();
        var feedB = instances.B.Services.GetRequiredService<ChangeFeed>();
        var onB = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onA = 0;
        var versionBefore = feedB.VersionOf("people");
        using var subscriptionB = feedB.Subscribe("people", e => onB.TrySetResult(e));
        using var subscriptionA = feedA.Subscribe("people", _ => Interlocked.Increment(ref onA));

        var clock = Stopwatch.StartNew();
        Assert.True((await RenameRoleAsync(instances.A, "DT", "Relayed role title")).Succeeded);
        var relayed = await onB.Task.WaitAsync(TimeSpan.FromSeconds(1));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(("people", "updated", "Amanda Mumford"), (relayed.Area, relayed.Kind, relayed.By));
        // B's caches of the area move on; A hears its own save once (its echo is ignored).
        Assert.True(feedB.VersionOf("people") > versionBefore);
        await Task.Delay(300);
        Assert.Equal(1, Volatile.Read(ref onA));
    }

    [ProviderFact]
    public async Task ListeningConnectionDropped_AfterRestore_InstanceBAsksItsCircuitsToReload()
    {
        var relay = instances.B.Services.GetRequiredService<PostgreSqlChangeRelay>();
        var reconnectsBefore = relay.Reconnects;
        // A circuit on B following the people area, as a component does through LiveComponent.
        await using var circuit = instances.B.Services.CreateAsyncScope();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var follow = circuit.ServiceProvider.GetRequiredService<LiveUpdates>().Follow(["people"], changes =>
        {
            if (changes.Count == 0) reloaded.TrySetResult();
            return Task.CompletedTask;
        }, work => work());
        var cacheVersion = instances.B.Services.GetRequiredService<ChangeFeed>().VersionOf("risks");

        await using (var connection = new NpgsqlConnection(PostgreSqlTestServer.ConnectionString(instances.Database)))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", connection);
            kill.Parameters.AddWithValue("name", relay.ListenerApplicationName);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(reconnectsBefore + 1, relay.Reconnects);
        Assert.True(relay.Listening);
        // Every cache on B is stale after the reconnect, not only the areas it heard about.
        Assert.True(instances.B.Services.GetRequiredService<ChangeFeed>().VersionOf("risks") > cacheVersion);

        // And changes flow again.
        var onB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = instances.B.Services.GetRequiredService<ChangeFeed>().Subscribe("people", _ => onB.TrySetResult());
        Assert.True((await RenameRoleAsync(instances.A, "EB", "After the reconnect")).Succeeded);
        await onB.Task.WaitAsync(TimeSpan.FromSeconds(1));
    }

    [ProviderFact]
    public async Task Burst_OfRelayedChanges_EveryRecordReachesBWithItsLatestVersion()
    {
        // 300 changes queued on A at once go out in a few statements and are published on B in a few
        // rounds; none is lost and the last version of each record is the one B ends with.
        var relayA = instances.A.Services.GetRequiredService<IChangeRelay>();
        var feedB = instances.B.Services.GetRequiredService<ChangeFeed>();
        var feedA = instances.A.Services.GetRequiredService<ChangeFeed>();
        var latest = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var onA = 0;
        var versionBefore = feedB.VersionOf("burst");
        using var subscriptionB = feedB.Subscribe("burst", e => latest.AddOrUpdate(e.Key, e.Version, (_, v) => Math.Max(v, e.Version)));
        using var subscriptionA = feedA.Subscribe("burst", _ => Interlocked.Increment(ref onA));
        var at = DateTimeOffset.UtcNow;
        for (var version = 1; version <= 30; version++)
            for (var record = 0; record < 10; record++)
                relayA.Send([new ChangeEvent("burst", $"{record}", "updated", $"Record {record}", version, "Test", at)]);

        var until = DateTime.UtcNow.AddSeconds(10);
        while (latest.Count < 10 || latest.Values.Any(v => v < 30))
        {
            Assert.True(DateTime.UtcNow < until, $"B has {latest.Count} records, lowest version {latest.Values.DefaultIfEmpty().Min()}");
            await Task.Delay(20);
        }
        var rounds = feedB.VersionOf("burst") - versionBefore;
        Assert.InRange(rounds, 1, 300);
        // A's own notifications came back to it and were ignored.
        await Task.Delay(200);
        Assert.Equal(0, Volatile.Read(ref onA));
    }

    [ProviderFact]
    public async Task Presence_ViewerOnInstanceA_CountedOnInstanceB()
    {
        var presenceA = instances.A.Services.GetRequiredService<Presence>();
        var presenceB = instances.B.Services.GetRequiredService<Presence>();
        var view = presenceA.Join("people:77", "user-a", "Viewer On A");
        using var watchB = presenceB.Join("people:77", "user-b", "Viewer On B");

        await WaitForAsync(() => presenceB.OthersViewing("people:77", "user-b").SequenceEqual(["Viewer On A"]));
        await WaitForAsync(() => presenceA.OthersViewing("people:77", "user-a").SequenceEqual(["Viewer On B"]));
        Assert.Equal(2, presenceB.PeopleViewing("people:77"));

        view.Dispose();
        await WaitForAsync(() => presenceB.OthersViewing("people:77", "user-b").Count == 0);
    }

    [ProviderFact]
    public async Task SignInCookie_IssuedByInstanceA_AcceptedByInstanceB()
    {
        var onA = instances.A.CreatePlainClient();
        var response = await onA.PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = "chair@example.org", ["Input.Password"] = TrackerAppFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SaferBromley.Tracker=")).Split(';')[0];

        var onB = instances.B.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/people");
        request.Headers.Add("Cookie", cookie);
        var page = await onB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [ProviderFact]
    public async Task Health_BothInstances_ReportDatabaseAndRelayAndAreReady()
    {
        foreach (var app in new[] { instances.A, instances.B })
        {
            var ready = await app.CreatePlainClient().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var health = System.Text.Json.JsonDocument.Parse(await app.CreatePlainClient().GetStringAsync("/health")).RootElement;
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.StartsWith("Listening", health.GetProperty("checks").GetProperty("relay").GetProperty("description").GetString());
        }
    }

    static Task WaitForAsync(Func<bool> condition) => Eventually.TrueAsync(condition, TimeSpan.FromSeconds(2), pollMilliseconds: 20);
}

/// <summary>Two instances starting at the same moment on an empty database: one migrates and seeds, the other waits and finds it done.</summary>
public sealed class SimultaneousStartTests : IPostgreSqlTests
{
    [ProviderFact]
    public async Task TwoInstancesStartedAtOnce_MigrateAndSeedExactlyOnce()
    {
        var empty = await PostgreSqlTestServer.CreateEmptyDatabaseAsync();
        var reference = await PostgreSqlTestServer.CreateSeededDatabaseAsync();
        var a = new PostgreSqlAppFactory(empty);
        var b = new PostgreSqlAppFactory(empty);
        try
        {
            await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

            var counts = await CountsAsync(empty);
            Assert.Equal(await CountsAsync(reference), counts);
            var migrations = await a.WithDbAsync(db => Task.FromResult((long)db.Database.GetMigrations().Count()));
            Assert.Equal(migrations, counts.Migrations);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            await PostgreSqlTestServer.DropDatabaseAsync(empty);
            await PostgreSqlTestServer.DropDatabaseAsync(reference);
        }
    }

    static async Task<(long Migrations, long Partners, long Meetings, long Risks, long Users, long Roles)> CountsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgreSqlTestServer.ConnectionString(database));
        await connection.OpenAsync();
        async Task<long> CountAsync(string table)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return (await CountAsync("__EFMigrationsHistory"), await CountAsync("Partners"), await CountAsync("Meetings"),
            await CountAsync("Risks"), await CountAsync("AspNetUsers"), await CountAsync("AspNetRoles"));
    }
}
