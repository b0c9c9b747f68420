using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tracker.App.Data;

/// <summary>
/// WAL lets readers carry on while one writer saves; the busy timeout makes a second writer wait
/// rather than fail with "database is locked". Both are set on every connection. EF opens and closes
/// a pooled connection for each query, so they run once per physical connection (its native handle),
/// not on every open: that would add three statements to every query.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;";
    readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
