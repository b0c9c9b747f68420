using Tracker.App.Common;
using System.Globalization;
using System.Text;
using CsvHelper;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

public sealed record ParsedRiskRow(int Row, RiskInput Input, IReadOnlyList<FurtherActionInput> Actions);
public sealed record ParsedRiskFile(IReadOnlyList<ParsedRiskRow> Rows, IReadOnlyList<ImportError> Errors)
{
    /// <summary>How many errors the file has in all; <see cref="Errors"/> holds the first of them.</summary>
    public int ErrorCount { get; init => field = value; } = Errors.Count;
}

/// <summary>
/// The register as CSV, one row per risk, with the Risk Log's columns. Several further actions share
/// one cell each, joined with " | " in order (see <see cref="CsvCells.JoinList"/>), so a spreadsheet
/// user can still read them and any text round-trips.
/// </summary>
public static class RiskCsv
{
    public const long MaxBytes = 5 * 1024 * 1024;
    /// <summary>The import lists this many errors, with the total: enough to fix a file, not a page of thousands.</summary>
    public const int MaxErrorsShown = 100;

    public static readonly IReadOnlyList<string> Header =
    [
        "Reference", "Risk", "Cause", "Impact", "Categories", "Owner group",
        "Gross likelihood", "Gross severity", "Gross score", "Controls in place",
        "Net likelihood", "Net severity", "Net score",
        "Further actions", "Action owners", "Action RAG", "Target completion dates",
        "Target likelihood", "Target severity", "Target score", "Review date", "Status",
    ];

    static readonly Dictionary<string, int> ColumnIndex = Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);

    // Which CSV column a validator's field is reported against.
    static readonly Dictionary<string, string> Columns = new()
    {
        [nameof(RiskInput.Reference)] = "Reference",
        [nameof(RiskInput.Title)] = "Risk",
        [nameof(RiskInput.Cause)] = "Cause",
        [nameof(RiskInput.Impact)] = "Impact",
        [nameof(RiskInput.Categories)] = "Categories",
        [nameof(RiskInput.OwnerGroupId)] = "Owner group",
        [nameof(RiskInput.GrossLikelihood)] = "Gross likelihood",
        [nameof(RiskInput.GrossSeverity)] = "Gross severity",
        [nameof(RiskInput.Controls)] = "Controls in place",
        [nameof(RiskInput.NetLikelihood)] = "Net likelihood",
        [nameof(RiskInput.NetSeverity)] = "Net severity",
        [nameof(RiskInput.TargetLikelihood)] = "Target likelihood",
        [nameof(RiskInput.TargetSeverity)] = "Target severity",
        [nameof(RiskInput.NextReviewDate)] = "Review date",
        [nameof(RiskInput.Status)] = "Status",
        [nameof(RiskInput.ClosingNote)] = "Status",
        [nameof(FurtherActionInput.Description)] = "Further actions",
        [nameof(FurtherActionInput.Owner)] = "Action owners",
        [nameof(FurtherActionInput.Rag)] = "Action RAG",
        [nameof(FurtherActionInput.TargetDate)] = "Target completion dates",
    };

    public static string Write(IEnumerable<RiskRow> rows)
    {
        var csv = new StringBuilder();
        CsvCells.AppendRow(csv, Header);
        foreach (var r in rows)
        {
            var actions = r.FurtherActions;
            CsvCells.AppendRow(csv,
            [
                r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.GroupName,
                r.Gross.Likelihood.ToString(), r.Gross.Severity.ToString(), r.Gross.Score.ToString(), r.Controls,
                r.Net?.Likelihood.ToString(), r.Net?.Severity.ToString(), r.Net?.Score.ToString(),
                CsvCells.JoinList(actions.Select(a => a.Description)), CsvCells.JoinList(actions.Select(a => a.Owner)),
                CsvCells.JoinList(actions.Select(a => a.Rag?.ToString() ?? "")),
                CsvCells.JoinList(actions.Select(a => a.TargetDate is { } d ? UkDates.Short(d) : "")),
                r.Target?.Likelihood.ToString(), r.Target?.Severity.ToString(), r.Target?.Score.ToString(),
                r.NextReviewDate is { } next ? UkDates.Short(next) : "", r.Status.ToString(),
            ]);
        }
        return csv.ToString();
    }

    /// <summary>Everything a row of the CSV states about a risk, to tell whether an import changed it.</summary>
    public static string Signature(Risk r) => string.Join("\u001f",
        [
            r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.OwnerGroupId.ToString(), r.Gross.ToString(), r.Controls,
            r.Net?.ToString() ?? "", r.Target?.ToString() ?? "", r.NextReviewDate?.ToString("O") ?? "", r.Status.ToString(), r.ClosingNote ?? "",
            .. r.FurtherActions.SelectMany(a => new[] { a.Description, a.Owner, a.Rag?.ToString() ?? "", a.TargetDate?.ToString("O") ?? "" }),
        ]);

    public static async Task<ParsedRiskFile> ParseAsync(Stream stream, string fileName, long length, int matrixSize,
        Func<string, int?> groupByName, Func<string, string?> existingClosingNote, CancellationToken ct = default)
    {
        static ParsedRiskFile Fail(string message) => new([], [new ImportError(0, "", message)]);
        if (length == 0) return Fail("The selected file is empty");
        if (length > MaxBytes) return Fail("The selected file must be smaller than 5 MB");
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return Fail("The selected file must be a CSV");

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        // A spreadsheet or other binary renamed .csv: CSV text never holds NUL bytes.
        if (bytes.Length > MaxBytes) return Fail("The selected file must be smaller than 5 MB");
        if (Array.IndexOf(bytes, (byte)0) >= 0) return Fail("The selected file must be a CSV");

        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = false, MalformedData = CsvMalformedDataHandling.Throw,
        };
        var rows = new List<ParsedRiskRow>();
        var errors = new List<ImportError>();
        try
        {
            using var csv = CsvReader.Create(bytes, options);
            if (!csv.Read()) return Fail("The selected file is empty");
            var header = Fields(csv);
            if (!header.Select(h => h.Trim().TrimStart('\uFEFF')).SequenceEqual(Header))
                return Fail($"The first row of the file must be the register's header, exactly: {string.Join(",", Header)}");

            var records = new List<(int Row, string[] Fields)>();
            var rowNumber = 1;
            while (csv.Read())
            {
                rowNumber++;
                var record = Fields(csv);
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (record.Length != Header.Count)
                {
                    errors.Add(new ImportError(rowNumber, "", $"Row has {record.Length} columns; it must have {Header.Count}"));
                    continue;
                }
                records.Add((rowNumber, record));
            }
            // Checking a row is independent of every other row and is most of the time a large file takes: the rows
            // are checked on every core, then their errors listed in row order.
            var validator = RiskInputValidator.For(matrixSize);
            var actionValidator = FurtherActionInputValidator.Shared;
            var checkedRows = records.AsParallel().AsOrdered().WithCancellation(ct).Select(r =>
            {
                var rowErrors = new List<ImportError>();
                return (Parsed: ParseRow(r.Fields, r.Row, matrixSize, groupByName, existingClosingNote, validator, actionValidator, rowErrors), Errors: rowErrors);
            }).ToList();
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (row, rowErrors) in checkedRows)
            {
                errors.AddRange(rowErrors);
                var reference = row.Input.Reference.Trim();
                if (reference.Length > 0 && !seen.TryAdd(reference, row.Row))
                    errors.Add(new ImportError(row.Row, "Reference", $"Reference {reference.ToUpperInvariant()} is also on row {seen[reference]}"));
                rows.Add(row);
            }
            // Rows of the wrong width were noted while reading: put every error in row order (a stable sort).
            if (errors.Count > 0) errors = errors.OrderBy(e => e.Row).ToList();
        }
        catch (CsvFormatException)
        {
            return Fail("The selected file could not be read as CSV. Save it from a spreadsheet as CSV (comma separated) and try again");
        }
        if (rows.Count == 0 && errors.Count == 0) return Fail("The selected file has no risks in it");
        return errors.Count == 0 ? new ParsedRiskFile(rows, []) : new ParsedRiskFile([], errors.Take(MaxErrorsShown).ToList()) { ErrorCount = errors.Count };
    }

    static string[] Fields(CsvReader csv)
    {
        var fields = new string[csv.FieldCount];
        for (var i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i) ?? "";
        return fields;
    }

    static ParsedRiskRow ParseRow(string[] f, int row, int matrixSize, Func<string, int?> groupByName, Func<string, string?> existingClosingNote,
        RiskInputValidator validator, FurtherActionInputValidator actionValidator, List<ImportError> errors)
    {
        string Cell(string column) => CsvCells.Restore(f[ColumnIndex[column]].Trim());
        int? Number(string column)
        {
            var text = Cell(column);
            if (text.Length == 0) return null;
            if (TypedText.TryNumber(text, out var n)) return n;
            errors.Add(new ImportError(row, column, $"{column} must be a whole number between 1 and {matrixSize}"));
            return null;
        }

        var groupName = Cell("Owner group");
        var groupId = groupName.Length == 0 ? null : groupByName(groupName);
        if (groupName.Length > 0 && groupId is null)
            errors.Add(new ImportError(row, "Owner group", $"Owner group “{groupName}” is not a group in the tracker"));

        var statusText = Cell("Status");
        if (!TypedText.TryChoice<RiskStatus>(statusText, out var readStatus))
            errors.Add(new ImportError(row, "Status", "Status must be Open or Closed"));
        var status = readStatus ?? RiskStatus.Open;

        var reference = Cell("Reference");
        var input = new RiskInput(reference, Cell("Risk"), Cell("Cause"), Cell("Impact"), Risk.SplitCategories(Cell("Categories")), groupId,
            Number("Gross likelihood"), Number("Gross severity"), Cell("Controls in place"),
            Number("Net likelihood"), Number("Net severity"), Number("Target likelihood"), Number("Target severity"),
            3, Cell("Review date"), status,
            status == RiskStatus.Closed ? existingClosingNote(reference.ToUpperInvariant()) : null,
            "Imported from CSV");

        foreach (var error in validator.Check(input))
        {
            // The group is reported once, above, when its name was not found.
            if (error.Field == nameof(RiskInput.OwnerGroupId) && groupName.Length > 0) continue;
            var message = error.Field == nameof(RiskInput.ClosingNote)
                ? "A risk can only be closed in the tracker, with a closing note; import it as Open or close it there first"
                : error.Message;
            errors.Add(new ImportError(row, Columns.GetValueOrDefault(error.Field, error.Field), message));
        }
        CheckScore(input.Gross, "Gross score", Cell("Gross score"), row, errors);
        CheckScore(input.Net, "Net score", Cell("Net score"), row, errors);
        CheckScore(input.Target, "Target score", Cell("Target score"), row, errors);

        var actions = ParseActions(Cell("Further actions"), Cell("Action owners"), Cell("Action RAG"), Cell("Target completion dates"), row, errors);
        for (var i = 0; i < actions.Count; i++)
            foreach (var error in actionValidator.Check(actions[i]))
                errors.Add(new ImportError(row, Columns.GetValueOrDefault(error.Field, error.Field), $"Further action {i + 1}: {error.Message}"));

        return new ParsedRiskRow(row, input, actions);
    }

    static void CheckScore(RiskScore? score, string column, string text, int row, List<ImportError> errors)
    {
        if (text.Length == 0) return;
        if (score is null || !int.TryParse(text, out var value) || value != score.Value.Score)
            errors.Add(new ImportError(row, column, score is null
                ? $"{column} must be empty when its likelihood and severity are empty"
                : $"{column} must be likelihood × severity ({score.Value.Score}), or left empty"));
    }

    static List<FurtherActionInput> ParseActions(string descriptions, string owners, string rags, string dates, int row, List<ImportError> errors)
    {
        static IReadOnlyList<string> Split(string cell) => CsvCells.SplitList(cell);
        var d = Split(descriptions);
        var o = Split(owners);
        var r = Split(rags);
        var t = Split(dates);
        foreach (var (values, column) in new[] { (o, "Action owners"), (r, "Action RAG"), (t, "Target completion dates") })
            if (values.Count > 0 && values.Count != d.Count)
                errors.Add(new ImportError(row, column, $"{column} must have one entry for each further action ({d.Count}), separated by |"));
        var actions = new List<FurtherActionInput>();
        for (var i = 0; i < d.Count; i++)
        {
            var ragText = i < r.Count ? r[i] : "";
            if (!FurtherActionRags.TryParse(ragText, out var rag))
                errors.Add(new ImportError(row, "Action RAG", $"Further action {i + 1}: RAG must be Red, Amber, Green or Blue, or left empty"));
            actions.Add(new FurtherActionInput(d[i], i < o.Count ? o[i] : "", rag, i < t.Count ? t[i] : ""));
        }
        return actions;
    }
}
