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

/// <summary>
/// What reordering and removing do to a meeting's minute numbers while its minutes are a draft.
/// A meeting's items hold a run of numbers (101 … 112, sub-items such as 108a hanging off 108).
/// Reordering deals the same numbers out again in the new order, so the run neither grows nor gets
/// gaps and no number of another meeting is touched: moving 105 below 106 makes the old 106 into 105
/// and the old 105 into 106; sub-items move with their item (108a becomes 107a when 108 moves up) and
/// swap letters among themselves. Removing closes the run up: later items of the same meeting take the
/// number before theirs (and later sub-items the letter before theirs); the last number is then free
/// again only if no later meeting has used a number after it. Once the minutes are agreed as a
/// correct record the numbers are fixed: matters arising and later minutes cite them.
/// Each function returns only the numbers that change (old → new).
/// </summary>
public static class MinuteReordering
{
    public static IReadOnlyDictionary<MinuteNumber, MinuteNumber> Move(IReadOnlyCollection<MinuteNumber> meetingItems, MinuteNumber item, int by)
    {
        var changes = new Dictionary<MinuteNumber, MinuteNumber>();
        if (by == 0 || !meetingItems.Contains(item)) return changes;
        if (item.IsSubItem)
        {
            var siblings = meetingItems.Where(n => n.Number == item.Number && n.IsSubItem).Order().ToList();
            var i = siblings.IndexOf(item);
            var j = i + Math.Sign(by);
            if (j < 0 || j >= siblings.Count) return changes;
            changes[siblings[i]] = siblings[j];
            changes[siblings[j]] = siblings[i];
            return changes;
        }
        var runs = meetingItems.Select(n => n.Number).Distinct().Order().ToList();
        var from = runs.IndexOf(item.Number);
        var to = from + Math.Sign(by);
        if (to < 0 || to >= runs.Count) return changes;
        foreach (var n in meetingItems)
        {
            if (n.Number == runs[from]) changes[n] = n with { Number = runs[to] };
            else if (n.Number == runs[to]) changes[n] = n with { Number = runs[from] };
        }
        return changes;
    }

    /// <summary>Null when the item may be removed; an item with sub-items goes only once they have gone.</summary>
    public static string? CheckRemove(IReadOnlyCollection<MinuteNumber> meetingItems, MinuteNumber item) =>
        !item.IsSubItem && meetingItems.Any(n => n.Number == item.Number && n.IsSubItem)
            ? $"Remove the sub-items of minute {item} first" : null;

    public static IReadOnlyDictionary<MinuteNumber, MinuteNumber> Remove(IReadOnlyCollection<MinuteNumber> meetingItems, MinuteNumber item)
    {
        var changes = new Dictionary<MinuteNumber, MinuteNumber>();
        if (item.IsSubItem)
        {
            var siblings = meetingItems.Where(n => n.Number == item.Number && n.IsSubItem && n.CompareTo(item) > 0).Order().ToList();
            var previous = item;
            foreach (var s in siblings) { changes[s] = previous; previous = s; }
            return changes;
        }
        var runs = meetingItems.Select(n => n.Number).Distinct().Order().ToList();
        var index = runs.IndexOf(item.Number);
        if (index < 0) return changes;
        foreach (var n in meetingItems.Where(n => n.Number > item.Number))
            changes[n] = n with { Number = runs[runs.IndexOf(n.Number) - 1] };
        return changes;
    }
}
