using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Data;

public sealed class DatabaseTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task Connection_Opened_UsesWalJournalAndBusyTimeout()
    {
        _ = app.Server;
        var (journal, timeout) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var journalMode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA busy_timeout";
            var busy = (long)(await command.ExecuteScalarAsync())!;
            return (journalMode, busy);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(5000, timeout);
    }

    [Fact]
    public async Task Startup_AppliesEveryMigration()
    {
        _ = app.Server;
        var pending = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
        Assert.NotEmpty(await app.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));
    }
}
