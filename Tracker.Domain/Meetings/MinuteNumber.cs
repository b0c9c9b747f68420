using System.Text.RegularExpressions;

namespace Tracker.Domain.Meetings;

/// <summary>A minute number as printed: 57, or a sub-item such as 68a.</summary>
public readonly partial record struct MinuteNumber(int Number, string Suffix = "") : IComparable<MinuteNumber>
{
    public bool IsSubItem => Suffix.Length > 0;

    public override string ToString() => $"{Number}{Suffix}";

    public int CompareTo(MinuteNumber other) =>
        Number != other.Number ? Number.CompareTo(other.Number) : string.CompareOrdinal(Suffix, other.Suffix);

    public static bool TryParse(string? text, out MinuteNumber number)
    {
        number = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var n) || n < 1) return false;
        number = new MinuteNumber(n, match.Groups[2].Value.ToLowerInvariant());
        return true;
    }

    public static MinuteNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a minute number");

    [GeneratedRegex("^([0-9]{1,5})([a-zA-Z]?)$")]
    private static partial Regex Pattern();
}

/// <summary>
/// How minute numbers run: per group, continuing from the last item of the previous meeting (57 … 75,
/// then 76 at the next meeting) unless the clerk restarts the sequence; sub-items (68a, 68b) hang off
/// an item; no number is used twice within a group's sequence.
/// </summary>
public static class MinuteNumbering
{
    /// <summary>The number the next item takes: the restart number if the clerk gave one, else last + 1, else 1.</summary>
    public static MinuteNumber Next(IEnumerable<MinuteNumber> usedInSequence, int? restartAt = null)
    {
        if (restartAt is { } start) return new MinuteNumber(start);
        var numbers = usedInSequence.ToList();
        return numbers.Count == 0 ? new MinuteNumber(1) : new MinuteNumber(numbers.Max(n => n.Number) + 1);
    }

    /// <summary>The next sub-item of an item: 68a, then 68b…</summary>
    public static MinuteNumber NextSubItem(IEnumerable<MinuteNumber> usedInSequence, int parent)
    {
        var suffixes = usedInSequence.Where(n => n.Number == parent && n.IsSubItem).Select(n => n.Suffix[0]).ToList();
        var next = suffixes.Count == 0 ? 'a' : (char)(suffixes.Max() + 1);
        return new MinuteNumber(parent, next.ToString());
    }

    /// <summary>Null when the number may be used; otherwise why not, in GOV.UK wording.</summary>
    public static string? Check(MinuteNumber number, IReadOnlyCollection<MinuteNumber> usedInSequence)
    {
        if (usedInSequence.Contains(number)) return $"Minute {number} has already been used. Enter a different number";
        if (number.IsSubItem && number.Suffix[0] > 'z') return "Enter a minute number like 76 or 68a";
        return null;
    }
}
