using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tracker.App.Data;
using Tracker.Domain.Common;

namespace Tracker.App.Common;

/// <summary>
/// A unique index and what to tell the user when another save took the value first: the columns as
/// SQLite names them in its error ("Risks.Reference"), the form field and the message. On PostgreSQL
/// the violated index (23505, by its name) is described the same way from the model.
/// </summary>
public sealed record UniqueRule(string Columns, string Field, string Message);

/// <summary>
/// The one write path for every service. Optimistic concurrency: the form carries the version it
/// loaded; a save from an older version is refused with who changed it, when, and their values.
/// Every race ends in a <see cref="SaveResult"/>: a stale save, a duplicate value that a unique
/// index refused, or a busy database, never an unhandled exception.
/// </summary>
public static class Concurrency
{
    /// <summary>
    /// Checks the loaded version, applies the change (which may refuse it), then saves with the loaded
    /// version as the concurrency token, so a change committed between our read and our write is
    /// refused by the database too. The entity is always marked changed: every write moves its version,
    /// even one that only adds a child row.
    /// </summary>
    public static async Task<SaveResult> SaveVersionedAsync(this DbContext db, Entity entity, int loadedVersion,
        Func<IReadOnlyList<ConflictValue>> currentValues, Func<SaveResult?> apply, CancellationToken cancellationToken,
        params UniqueRule[] unique)
    {
        if (entity.Version != loadedVersion)
            return Refused(db, SaveResult.Stale(new Conflict(entity.UpdatedBy, entity.UpdatedAt, entity.Version, currentValues())));
        if (apply() is { } refused) return Refused(db, refused);
        var entry = db.Entry(entity);
        if (entry.State == EntityState.Unchanged) entry.State = EntityState.Modified;
        entry.Property(e => e.Version).OriginalValue = loadedVersion;
        return await SaveAsync(db, () => SaveResult.Saved(entity.Id, entity.Version), cancellationToken, unique, entity, currentValues);
    }

    /// <summary>Saves a write that has no loaded version (a new record, an appended row), mapping races to refusals.</summary>
    public static Task<SaveResult> SaveNewAsync(this DbContext db, Func<SaveResult> saved, CancellationToken cancellationToken,
        params UniqueRule[] unique) =>
        SaveAsync(db, saved, cancellationToken, unique, null, null);

    static SaveResult Busy => SaveResult.Invalid("", "The tracker was too busy to save your changes. They have not been saved: save again.");

    static async Task<SaveResult> SaveAsync(DbContext db, Func<SaveResult> saved, CancellationToken cancellationToken,
        UniqueRule[] unique, Entity? entity, Func<IReadOnlyList<ConflictValue>>? currentValues)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return saved();
        }
        catch (DbUpdateConcurrencyException e)
        {
            return Refused(db, await StaleAsync(db, e, entity, currentValues, cancellationToken));
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 } sqlite
                                          && sqlite.SqliteExtendedErrorCode is 2067 or 1555)
        {
            // SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY: someone saved the same value first.
            var rule = unique.FirstOrDefault(r => sqlite.Message.Contains(r.Columns, StringComparison.Ordinal));
            return Refused(db, rule is null
                ? SaveResult.Invalid("", "Someone else saved this at the same moment. Your changes have not been saved: check the page, then save again.")
                : SaveResult.Invalid(rule.Field, rule.Message));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            // PostgreSQL names the index it refused the row for: describe it as SQLite would.
            var columns = DescribeIndex(db, pg.TableName, pg.ConstraintName);
            var rule = columns is null ? null : unique.FirstOrDefault(r => columns.Contains(r.Columns, StringComparison.Ordinal));
            return Refused(db, rule is null
                ? SaveResult.Invalid("", "Someone else saved this at the same moment. Your changes have not been saved: check the page, then save again.")
                : SaveResult.Invalid(rule.Field, rule.Message));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable })
        {
            return Refused(db, Busy);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / LOCKED after the busy timeout: refuse rather than fail.
            return Refused(db, Busy);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 5 or 6 })
        {
            return Refused(db, Busy);
        }
    }

    /// <summary>"Risks.Reference" or "MinuteItems.GroupId, MinuteItems.Series, …": a unique index of the model by its database name.</summary>
    static string? DescribeIndex(DbContext db, string? table, string? indexName)
    {
        if (indexName is null) return null;
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var tableName = entityType.GetTableName();
            if (tableName is null || (table is not null && tableName != table)) continue;
            foreach (var index in entityType.GetIndexes())
                if (index.GetDatabaseName() == indexName)
                    return string.Join(", ", index.Properties.Select(p => $"{tableName}.{p.GetColumnName()}"));
            if (entityType.FindPrimaryKey() is { } key && key.GetName() == indexName)
                return string.Join(", ", key.Properties.Select(p => $"{tableName}.{p.GetColumnName()}"));
        }
        return null;
    }

    /// <summary>
    /// Forgets what the refused write had prepared (tracked changes, an audit reason), so a later save
    /// from the same scope (an interactive circuit) does not carry it along.
    /// </summary>
    static SaveResult Refused(DbContext db, SaveResult result)
    {
        db.ChangeTracker.Clear();
        if (db is TrackerDbContext tracker) tracker.AuditReason = null;
        return result;
    }

    static async Task<SaveResult> StaleAsync(DbContext db, DbUpdateConcurrencyException e, Entity? entity,
        Func<IReadOnlyList<ConflictValue>>? currentValues, CancellationToken cancellationToken)
    {
        var entry = entity is not null ? db.Entry(entity) : e.Entries.FirstOrDefault(x => x.Entity is Entity);
        if (entry is null) return SaveResult.Invalid("", "Someone else changed this at the same moment. Your changes have not been saved: save again.");
        var stored = await entry.GetDatabaseValuesAsync(cancellationToken);
        if (stored is null) return SaveResult.Missing();
        entry.OriginalValues.SetValues(stored);
        entry.CurrentValues.SetValues(stored);
        var current = (Entity)entry.Entity;
        return SaveResult.Stale(new Conflict(current.UpdatedBy, current.UpdatedAt, current.Version, currentValues?.Invoke() ?? []));
    }
}
