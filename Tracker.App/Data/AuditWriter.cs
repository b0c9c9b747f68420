using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tracker.App.Data;

/// <summary>
/// Writes audit rows straight to their tables on the save's own connection and transaction. EF's
/// change tracker costs far more than the insert for rows nobody edits afterwards (an import of
/// 10,000 risks audits about 450,000 property changes), and so do hundreds of thousands of SQL
/// parameters: rows go in as one JSON parameter per statement (<see cref="JsonRowInsert"/>). The
/// entries' keys come back through RETURNING, so each change names its entry's real key.
/// </summary>
static class AuditWriter
{
    const int EntriesPerStatement = 1_000;
    const int ChangesPerStatement = 5_000;

    static readonly string[] EntryColumns = [nameof(AuditEntry.At), nameof(AuditEntry.UserName), nameof(AuditEntry.EntityType),
        nameof(AuditEntry.EntityKey), nameof(AuditEntry.Action), nameof(AuditEntry.Reason)];
    static readonly string[] ChangeColumns = [nameof(AuditChange.AuditEntryId), nameof(AuditChange.Property), nameof(AuditChange.OldValue), nameof(AuditChange.NewValue)];

    public static async Task WriteAsync(TrackerDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var insertEntries = JsonRowInsert.For<AuditEntry>(db, EntryColumns, returning: [nameof(AuditEntry.Id), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityKey)]);
        foreach (var batch in entries.Chunk(EntriesPerStatement))
            await InsertEntriesAsync(db, insertEntries, batch, ct);

        var insertChanges = JsonRowInsert.For<AuditChange>(db, ChangeColumns);
        var rows = new List<object?[]>(ChangesPerStatement);
        foreach (var entry in entries)
            foreach (var change in entry.Changes)
            {
                change.AuditEntryId = entry.Id;
                rows.Add([entry.Id, change.Property, change.OldValue, change.NewValue]);
                if (rows.Count < ChangesPerStatement) continue;
                await insertChanges.ExecuteAsync(db, rows, ct);
                rows.Clear();
            }
        if (rows.Count > 0) await insertChanges.ExecuteAsync(db, rows, ct);
    }

    /// <summary>
    /// Inserts a batch of entries and gives each its database key. RETURNING does not promise the rows'
    /// order, so the keys are matched by entity type and key, which one save never repeats; a batch
    /// that did repeat one goes in row by row.
    /// </summary>
    static async Task InsertEntriesAsync(TrackerDbContext db, JsonRowInsert insert, AuditEntry[] batch, CancellationToken ct)
    {
        static string Identity(string type, string key) => type + "\u001f" + key;
        var byIdentity = new Dictionary<string, AuditEntry>(batch.Length);
        if (!batch.All(e => byIdentity.TryAdd(Identity(e.EntityType, e.EntityKey), e)))
        {
            foreach (var entry in batch) await InsertEntriesAsync(db, insert, [entry], ct);
            return;
        }
        await insert.ReadAsync(db, batch.Select(e => new object?[] { e.At, e.UserName, e.EntityType, e.EntityKey, e.Action, e.Reason }).ToList(),
            record => byIdentity[Identity(record.GetString(1), record.GetString(2))].Id = Convert.ToInt64(record.GetValue(0)), ct);
    }
}
