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

    /// <summary>
    /// The number an item added to minutes already agreed takes: after the meeting's last item, without
    /// renumbering anything. The next whole number if no later meeting has used one after it (112 → 113),
    /// else the next sub-item of the meeting's last number (112 → 112a, 112b → 112c).
    /// </summary>
    public static MinuteNumber NextAddition(IReadOnlyCollection<MinuteNumber> meetingItems, IReadOnlyCollection<MinuteNumber> usedInSequence)
    {
        if (meetingItems.Count == 0) return Next(usedInSequence);
        var last = meetingItems.Max();
        return usedInSequence.Any(n => n.Number > last.Number) ? NextSubItem(usedInSequence, last.Number) : new MinuteNumber(last.Number + 1);
    }

    /// <summary>
    /// Null when <paramref name="number"/> may be given to an item added to minutes already agreed: it
    /// must come after the meeting's last item and before any later meeting's numbers, so no agreed
    /// minute is renumbered and the series stays in meeting order.
    /// </summary>
    public static string? CheckAddition(MinuteNumber number, IReadOnlyCollection<MinuteNumber> meetingItems, IReadOnlyCollection<MinuteNumber> usedInSequence)
    {
        if (Check(number, usedInSequence) is { } problem) return problem;
        if (meetingItems.Count == 0) return null;
        var last = meetingItems.Max();
        if (number.CompareTo(last) < 0 || usedInSequence.Any(n => !meetingItems.Contains(n) && n.CompareTo(last) > 0 && n.CompareTo(number) < 0))
            return $"These minutes have been agreed: number the new item after minute {last} without renumbering, like {NextAddition(meetingItems, usedInSequence)}";
        return null;
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
        if (by == 0 || !meetingItems.Contains(item)) return new Dictionary<MinuteNumber, MinuteNumber>();
        var order = item.IsSubItem
            ? meetingItems.Where(n => n.Number == item.Number && n.IsSubItem).Order().ToList()
            : meetingItems.Where(n => !n.IsSubItem).Order().ToList();
        var from = order.IndexOf(item);
        var to = from + Math.Sign(by);
        return to < 0 || to >= order.Count ? new Dictionary<MinuteNumber, MinuteNumber>() : MoveTo(meetingItems, item, order[to])!;
    }

    /// <summary>
    /// Moves an item to where <paramref name="target"/> is (as a drag drops it), the items between
    /// shifting one place: the same as moving it one place at a time. An item dropped on a sub-item
    /// goes to that sub-item's item; a sub-item moves only among its item's sub-items (null: not allowed).
    /// </summary>
    public static IReadOnlyDictionary<MinuteNumber, MinuteNumber>? MoveTo(IReadOnlyCollection<MinuteNumber> meetingItems, MinuteNumber item, MinuteNumber target)
    {
        var changes = new Dictionary<MinuteNumber, MinuteNumber>();
        if (!meetingItems.Contains(item) || !meetingItems.Contains(target)) return changes;
        if (item.IsSubItem)
        {
            if (!target.IsSubItem || target.Number != item.Number) return null;
            var siblings = meetingItems.Where(n => n.Number == item.Number && n.IsSubItem).Order().ToList();
            foreach (var (was, now) in Reordered(siblings, siblings.IndexOf(item), siblings.IndexOf(target))) changes[was] = now;
            return changes;
        }
        var runs = meetingItems.Select(n => n.Number).Distinct().Order().ToList();
        var moves = Reordered(runs, runs.IndexOf(item.Number), runs.IndexOf(target.Number)).ToDictionary(m => m.Was, m => m.Now);
        foreach (var n in meetingItems)
            if (moves.TryGetValue(n.Number, out var number)) changes[n] = n with { Number = number };
        return changes;
    }

    /// <summary>The values that change when the one at <paramref name="from"/> moves to <paramref name="to"/> and the same values are dealt out again in the new order.</summary>
    static IEnumerable<(T Was, T Now)> Reordered<T>(List<T> ordered, int from, int to)
    {
        if (from == to) yield break;
        var moved = ordered.ToList();
        var value = moved[from];
        moved.RemoveAt(from);
        moved.Insert(to, value);
        for (var i = 0; i < moved.Count; i++)
            if (!EqualityComparer<T>.Default.Equals(moved[i], ordered[i])) yield return (moved[i], ordered[i]);
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
