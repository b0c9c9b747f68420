using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tracker.App.Data;

/// <summary>
/// Writes audit rows straight to their tables on the save's own connection and transaction. EF's
/// change tracker costs far more than the insert for rows nobody edits afterwards (an import of
/// 10,000 risks audits about 450,000 property changes). Table and column names and parameter types
/// come from the EF model, so the SQL is right for whichever provider is configured.
/// </summary>
static class AuditWriter
{
    /// <summary>Property changes per INSERT statement: four parameters each, well under every provider's limit.</summary>
    const int ChangesPerStatement = 200;

    public static async Task WriteAsync(TrackerDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = db.GetService<ISqlGenerationHelper>();
        var entryTable = Table.Of<AuditEntry>(db, sql);
        var changeTable = Table.Of<AuditChange>(db, sql);

        string[] entryColumns = [nameof(AuditEntry.At), nameof(AuditEntry.UserName), nameof(AuditEntry.EntityType),
            nameof(AuditEntry.EntityKey), nameof(AuditEntry.Action), nameof(AuditEntry.Reason)];
        await using var insertEntry = connection.CreateCommand();
        insertEntry.Transaction = transaction;
        insertEntry.CommandText =
            $"INSERT INTO {entryTable.Name} ({string.Join(", ", entryColumns.Select(entryTable.Column))}) " +
            $"VALUES ({string.Join(", ", entryColumns.Select((_, i) => "@e" + i))}) RETURNING {entryTable.Column(nameof(AuditEntry.Id))}";

        var changes = new List<(long EntryId, AuditChange Change)>();
        foreach (var entry in entries)
        {
            insertEntry.Parameters.Clear();
            object?[] values = [entry.At, entry.UserName, entry.EntityType, entry.EntityKey, entry.Action, entry.Reason];
            for (var i = 0; i < values.Length; i++) entryTable.Add(insertEntry, entryColumns[i], "@e" + i, values[i]);
            var id = Convert.ToInt64(await insertEntry.ExecuteScalarAsync(ct));
            entry.Id = id;
            changes.AddRange(entry.Changes.Select(c => (id, c)));
        }

        string[] changeColumns = [nameof(AuditChange.AuditEntryId), nameof(AuditChange.Property), nameof(AuditChange.OldValue), nameof(AuditChange.NewValue)];
        var head = $"INSERT INTO {changeTable.Name} ({string.Join(", ", changeColumns.Select(changeTable.Column))}) VALUES ";
        foreach (var batch in changes.Chunk(ChangesPerStatement))
        {
            await using var insertChanges = connection.CreateCommand();
            insertChanges.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var row = 0; row < batch.Length; row++)
            {
                var (entryId, change) = batch[row];
                text.Append(row == 0 ? "(" : ", (");
                object?[] values = [entryId, change.Property, change.OldValue, change.NewValue];
                for (var i = 0; i < values.Length; i++)
                {
                    var name = $"@c{row}_{i}";
                    text.Append(i == 0 ? name : ", " + name);
                    changeTable.Add(insertChanges, changeColumns[i], name, values[i]);
                }
                text.Append(')');
            }
            insertChanges.CommandText = text.ToString();
            await insertChanges.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A table's delimited name, its columns, and parameters typed as EF would type them.</summary>
    sealed class Table(IEntityType type, StoreObjectIdentifier store, ISqlGenerationHelper sql)
    {
        public static Table Of<T>(DbContext db, ISqlGenerationHelper sql)
        {
            var type = db.Model.FindEntityType(typeof(T))!;
            return new Table(type, StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()), sql);
        }

        public string Name => sql.DelimitIdentifier(store.Name, store.Schema);

        public string Column(string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(store)!);

        public void Add(DbCommand command, string property, string name, object? value) =>
            command.Parameters.Add(type.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(command, name, value));
    }
}
