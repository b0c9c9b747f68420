namespace Tracker.App.Common;

/// <summary>What every CSV export and import of the tracker shares.</summary>
public static class CsvCells
{
    /// <summary>
    /// Spreadsheets run a cell that starts like a formula (=, +, -, @, tab, return): such text gets a
    /// leading apostrophe, which Excel hides. A narrative's "- " list line is left alone: it cannot be
    /// read as a formula.
    /// </summary>
    public static string Defuse(string value) =>
        value.Length > 0 && (value[0] is '=' or '+' or '@' or '\t' or '\r' || (value[0] == '-' && !value.StartsWith("- ", StringComparison.Ordinal)))
            ? "'" + value
            : value;

    /// <summary>Undoes <see cref="Defuse"/> on import, so an exported file imports back unchanged.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == '\'' && Defuse(value[1..]) != value[1..] ? value[1..] : value;

    /// <summary>RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
