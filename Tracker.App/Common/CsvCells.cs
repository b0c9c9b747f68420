using System.Text;

namespace Tracker.App.Common;

/// <summary>What every CSV export and import of the tracker shares.</summary>
public static class CsvCells
{
    /// <summary>
    /// Spreadsheets run a cell that starts like a formula (=, +, -, @, tab, return: OWASP's list), so
    /// such text gets a leading apostrophe, which Excel hides. Text that itself starts with an
    /// apostrophe gets one too, so that <see cref="Restore"/> gives back any text exactly.
    /// </summary>
    public static string Defuse(string value) => value.Length > 0 && NeedsApostrophe(value[0]) ? "'" + value : value;

    /// <summary>Undoes <see cref="Defuse"/> on import, so an exported file imports back unchanged.</summary>
    public static string Restore(string value) => value.Length > 1 && value[0] == '\'' && NeedsApostrophe(value[1]) ? value[1..] : value;

    static bool NeedsApostrophe(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    /// <summary>RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>One exported line: every cell defused and quoted, ended with CRLF.</summary>
    public static void AppendRow(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.AppendJoin(',', cells.Select(c => Quote(Defuse(c ?? "")))).Append("\r\n");

    public const string ListSeparator = " | ";

    /// <summary>
    /// Several values in one cell, joined with " | " so a spreadsheet user can read them. A "|" or "\"
    /// inside a value is escaped with "\", so any text splits back exactly; all-empty values write an
    /// empty cell.
    /// </summary>
    public static string JoinList(IEnumerable<string> values)
    {
        var list = values.Select(v => v.Replace("\\", "\\\\").Replace("|", "\\|")).ToList();
        return list.All(v => v.Length == 0) ? "" : string.Join(ListSeparator, list);
    }

    /// <summary>Undoes <see cref="JoinList"/>: splits on each unescaped "|" and trims each value. A "\" before anything else is kept.</summary>
    public static IReadOnlyList<string> SplitList(string cell)
    {
        if (cell.Length == 0) return [];
        var values = new List<string>();
        var value = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c == '\\' && i + 1 < cell.Length && cell[i + 1] is '\\' or '|') value.Append(cell[++i]);
            else if (c == '|') { values.Add(value.ToString().Trim()); value.Clear(); }
            else value.Append(c);
        }
        values.Add(value.ToString().Trim());
        return values;
    }
}
