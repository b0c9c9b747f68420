using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tracker.Domain.Common;

namespace Tracker.App.Data;

/// <summary>
/// Writes many new records of one type in a few statements instead of EF's statement per row: the
/// risk register's import of 10,000 risks (with their first assessments and further actions) spent
/// most of its time in EF's inserts. Each record is stamped, audited with its real key and announced
/// by the context's own interceptors, exactly as <c>SaveChanges</c> would for an added entity, inside
/// the caller's transaction. The records are not tracked.
/// </summary>
public static class BulkInsert
{
    const int RowsPerStatement = 1_000;

    /// <param name="identity">
    /// Properties (whole numbers or text) whose values tell the records apart (e.g. a risk's reference;
    /// a further action's risk and order): RETURNING promises no order, so the keys the database assigns
    /// are matched to the records by them.
    /// </param>
    public static async Task InsertAsync<T>(this TrackerDbContext db, IReadOnlyList<T> entities, IReadOnlyList<string> identity, CancellationToken ct)
        where T : Entity
    {
        if (entities.Count == 0) return;
        var interceptors = db.Interceptors ?? throw new InvalidOperationException("A bulk insert needs a context from TrackerDbContextFactory (it audits and announces)");
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A bulk insert runs inside the caller's transaction");
        var type = db.Model.FindEntityType(typeof(T))!;
        var key = type.FindPrimaryKey()!.Properties.Single();
        var columns = type.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property: a bulk insert reads values from the record");
        var identifying = identity.Select(name => type.FindProperty(name)!).ToArray();
        string Identity(IEnumerable<object?> values) => string.Join("\u001f", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

        interceptors.Audit.StampNew(entities);
        var insert = JsonRowInsert.For<T>(db, columns.Select(p => p.Name).ToArray(), [key.Name, .. identity]);
        foreach (var batch in entities.Chunk(RowsPerStatement))
        {
            var byIdentity = new Dictionary<string, T>(batch.Length);
            foreach (var entity in batch)
                if (!byIdentity.TryAdd(Identity(identifying.Select(p => p.GetGetter().GetClrValue(entity))), entity))
                    throw new InvalidOperationException($"Two new {typeof(T).Name} records have the same {string.Join(", ", identity)}");
            var rows = batch.Select(entity => columns.Select(p => p.GetGetter().GetClrValue(entity)).ToArray()).ToList();
            await insert.ReadAsync(db, rows, record =>
            {
                var entity = byIdentity[Identity(Enumerable.Range(1, identity.Count).Select(record.GetValue))];
                entity.Id = Convert.ToInt32(record.GetValue(0), CultureInfo.InvariantCulture);
            }, ct);
        }
        await interceptors.Audit.AuditInsertedAsync(db, type, entities, ct);
        interceptors.Changes.Inserted(entities);
    }
}
