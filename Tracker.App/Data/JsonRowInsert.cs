using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tracker.App.Data;

/// <summary>
/// Inserts many rows of one table in a single statement whose only parameter is the rows as a JSON
/// array of arrays, unpacked by the database (<c>json_each</c> on SQLite, <c>json_array_elements</c>
/// on PostgreSQL). Binding hundreds of thousands of parameters (or running a statement per row) is
/// what made bulk writes slow. Table and column names, value conversions and, on PostgreSQL, column
/// types come from the EF model, so the SQL is right for whichever provider is configured. Runs on the
/// context's connection and current transaction; the caller opens them.
/// </summary>
sealed partial class JsonRowInsert
{
    readonly string _sql;
    /// <summary>Each column's conversion to the value the provider stores (an enum's name; on SQLite a time as a number), if any.</summary>
    readonly Func<object?, object?>?[] _converters;

    JsonRowInsert(string sql, Func<object?, object?>?[] converters) => (_sql, _converters) = (sql, converters);

    /// <param name="columns">The properties written, in the order of each row's values.</param>
    /// <param name="returning">Properties to read back for every inserted row (keys the database assigned).</param>
    public static JsonRowInsert For<T>(DbContext db, IReadOnlyList<string> columns, IReadOnlyList<string>? returning = null)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = columns.Select(c => type.FindProperty(c) ?? throw new InvalidOperationException($"{typeof(T).Name}.{c} is not mapped")).ToArray();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(store)!);
        var postgres = db.Database.IsNpgsql();
        // SQLite's column affinity converts JSON's numbers and text; PostgreSQL needs each value cast to its column's
        // type (without a length, so that a value too long is refused by the column rather than cut short by the cast).
        var values = properties.Select((p, i) => postgres
            ? $"(value ->> {i})::{Length().Replace(p.GetRelationalTypeMapping().StoreType, "")}"
            : $"value ->> {i}");
        var text = new StringBuilder()
            .Append($"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} ({string.Join(", ", properties.Select(Column))}) ")
            .Append($"SELECT {string.Join(", ", values)} FROM {(postgres ? "json_array_elements(@rows::json)" : "json_each(@rows)")}");
        if (returning is { Count: > 0 })
            text.Append($" RETURNING {string.Join(", ", returning.Select(r => Column(type.FindProperty(r)!)))}");
        var converters = properties.Select(p => p.GetTypeMapping().Converter is { } c ? c.ConvertToProvider : null).ToArray();
        return new JsonRowInsert(text.ToString(), converters);
    }

    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex Length();

    public async Task<int> ExecuteAsync(DbContext db, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        await using var command = Command(db, rows);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Inserts the rows and hands each inserted row's RETURNING columns to <paramref name="read"/>, in no promised order.</summary>
    public async Task ReadAsync(DbContext db, IReadOnlyList<object?[]> rows, Action<IDataRecord> read, CancellationToken ct)
    {
        await using var command = Command(db, rows);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) read(reader);
    }

    DbCommand Command(DbContext db, IReadOnlyList<object?[]> rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = _sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@rows";
        parameter.Value = Json(rows);
        command.Parameters.Add(parameter);
        return command;
    }

    string Json(IReadOnlyList<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                for (var i = 0; i < row.Length; i++) Write(json, _converters[i] is { } convert ? convert(row[i]) : row[i]);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case int n: json.WriteNumberValue(n); break;
            case long n: json.WriteNumberValue(n); break;
            case short n: json.WriteNumberValue(n); break;
            case bool b: json.WriteBooleanValue(b); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset d: json.WriteStringValue(d.ToString("O", CultureInfo.InvariantCulture)); break;
            default: throw new NotSupportedException($"{value.GetType().Name} values are not written by {nameof(JsonRowInsert)}");
        }
    }
}
