using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;

namespace Tracker.App.Features.Papers;

/// <summary>
/// Records of one type as they stood at a moment, read back from the audit trail: every save writes
/// who, when, and each changed property's old and new value (<see cref="AuditInterceptor"/>), so the
/// value a property had at the moment is the old value of its first change after it. A meeting pack's
/// papers use this for records edited in place (a risk's wording and scores, a sub-group report, a
/// minute, a metric's figures): records created after the moment are left out, records changed after
/// it are put back as they were, and records deleted after it are rebuilt from their deletion's old values.
/// Writes with nobody signed in (recorded as "System": the sample data and other set-up the tracker does
/// itself) are not dated history: they are taken as the records' starting state, so the sample's past
/// meetings keep their papers. Papers whose records carry their own dates use those as well (a report's
/// date filed, a risk's first assessment).
/// </summary>
public sealed class AuditRewind
{
    /// <summary>Who the audit trail names when nobody is signed in (see <c>CurrentUser.DisplayName</c>).</summary>
    public const string SystemUser = "System";

    readonly HashSet<string> _addedAfter = [];
    readonly Dictionary<string, Dictionary<string, string?>> _changed = [];
    readonly Dictionary<string, Dictionary<string, string?>> _deleted = [];

    /// <summary>The audit trail of <paramref name="entityType"/> (the entity's class name) from <paramref name="asAt"/> on.</summary>
    public static async Task<AuditRewind> ReadAsync(TrackerDbContext db, string entityType, DateTimeOffset asAt, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.At >= asAt && a.UserName != SystemUser)
            .Select(a => new { a.Id, a.At, a.EntityKey, a.Action, Changes = a.Changes.Select(c => new { c.Property, c.OldValue }).ToList() })
            .ToListAsync(ct);
        var rewind = new AuditRewind();
        foreach (var record in entries.GroupBy(e => e.EntityKey))
        {
            var ordered = record.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            if (ordered[0].Action == nameof(EntityState.Added))
            {
                rewind._addedAfter.Add(record.Key);
                continue;
            }
            // The first change of each property after the moment holds, as its old value, the value at the moment.
            var values = new Dictionary<string, string?>();
            foreach (var entry in ordered)
            foreach (var change in entry.Changes)
                values.TryAdd(change.Property, change.OldValue);
            if (ordered.Any(e => e.Action == nameof(EntityState.Deleted))) rewind._deleted[record.Key] = values;
            else rewind._changed[record.Key] = values;
        }
        return rewind;
    }

    /// <summary>Whether the record was created after the moment (so was not there at it).</summary>
    public bool AddedAfter(int id) => _addedAfter.Contains(Key(id));

    /// <summary>The values a record had at the moment, for the properties changed since; null when it has not changed.</summary>
    public AuditValues? Changed(int id) => _changed.TryGetValue(Key(id), out var values) ? new AuditValues(values) : null;

    /// <summary>Records deleted after the moment, with every property's value at it.</summary>
    public IEnumerable<(int Id, AuditValues Values)> Deleted() =>
        _deleted.Select(d => (int.Parse(d.Key, CultureInfo.InvariantCulture), new AuditValues(d.Value)));

    static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Property values as the audit trail writes them (invariant culture, dates as yyyy-MM-dd), read back with the record's current value as the default.</summary>
public sealed class AuditValues(IReadOnlyDictionary<string, string?> values)
{
    public bool Has(string property) => values.ContainsKey(property);

    public string Text(string property, string current) => values.TryGetValue(property, out var v) ? v ?? "" : current;

    public string? TextOrNull(string property, string? current) => values.TryGetValue(property, out var v) ? v : current;

    public int Int(string property, int current) =>
        values.TryGetValue(property, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : current;

    public int? IntOrNull(string property, int? current) =>
        values.TryGetValue(property, out var v) ? (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null) : current;

    public bool Bool(string property, bool current) =>
        values.TryGetValue(property, out var v) && bool.TryParse(v, out var b) ? b : current;

    public DateOnly? Date(string property, DateOnly? current) =>
        values.TryGetValue(property, out var v)
            ? DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null
            : current;

    public T Enum<T>(string property, T current) where T : struct, Enum =>
        values.TryGetValue(property, out var v) && System.Enum.TryParse<T>(v, out var e) ? e : current;

    public T? EnumOrNull<T>(string property, T? current) where T : struct, Enum =>
        values.TryGetValue(property, out var v) ? (System.Enum.TryParse<T>(v, out var e) ? e : null) : current;
}
