using System.Text.RegularExpressions;

namespace Tracker.Domain.Meetings;

/// <summary>Someone an owner code may name: initials are unique.</summary>
public sealed record KnownPerson(int Id, string Initials, string Name);

/// <summary>One owner of a resolution: a person, or the partnership as a whole ("SBP", "All Partners", "Leads").</summary>
public sealed record ActionOwner(string Code, int? PersonId, string Name)
{
    public bool IsCollective => PersonId is null;
}

public sealed record OwnerParseResult(IReadOnlyList<ActionOwner> Owners, string? Error)
{
    public bool Succeeded => Error is null;
    /// <summary>The owners as the minutes' action column writes them: "AM/RV", "SBP".</summary>
    public string Text => string.Join("/", Owners.Select(o => o.Code));
}

/// <summary>
/// Reads the minutes' action column. Owners are separated by "/", "," or "&amp;"; each is a person's
/// initials (AM), a person's name (Bill Kelly), or a collective owner. Unknown initials are refused
/// with the closest known people, so a typo never creates an owner nobody can see.
/// </summary>
public static partial class ActionOwners
{
    /// <summary>Collective owners the papers use, keyed by how they are typed.</summary>
    static readonly Dictionary<string, string> Collectives = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SBP"] = "SBP",
        ["All Partners"] = "All Partners",
        ["All"] = "All Partners",
        ["Partners"] = "All Partners",
        ["Leads"] = "Leads",
        ["Sub-group Leads"] = "Leads",
    };

    public static readonly IReadOnlyList<string> CollectiveCodes = ["SBP", "All Partners", "Leads"];

    public static OwnerParseResult Parse(string? text, IReadOnlyCollection<KnownPerson> people)
    {
        var tokens = Separators().Split(text ?? "").Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (tokens.Count == 0) return new([], "Enter who owns the action, for example AM/RV, SBP or All Partners");

        var owners = new List<ActionOwner>();
        var unknown = new List<string>();
        foreach (var token in tokens)
        {
            var owner = Resolve(token, people);
            if (owner is null) unknown.Add(token);
            else if (!owners.Any(o => o.Code == owner.Code)) owners.Add(owner);
        }
        if (unknown.Count == 0) return new(owners, null);

        var messages = unknown.Select(token =>
        {
            var closest = Closest(token, people, 3).Select(p => $"{p.Initials} ({p.Name})").ToList();
            var hint = closest.Count == 0 ? "" : $". Did you mean {JoinOr(closest)}?";
            return $"No one has the initials {token}{hint}";
        });
        return new(owners, string.Join(" ", messages));
    }

    /// <summary>Splits stored owner text ("AM/RV") into codes without checking them.</summary>
    public static IReadOnlyList<string> Codes(string? text) =>
        Separators().Split(text ?? "").Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

    /// <summary>Whether owner text names the person with these initials.</summary>
    public static bool Names(string? ownersText, string? initials) =>
        !string.IsNullOrEmpty(initials) && Codes(ownersText).Any(c => string.Equals(c, initials, StringComparison.OrdinalIgnoreCase));

    static ActionOwner? Resolve(string token, IReadOnlyCollection<KnownPerson> people)
    {
        if (Collectives.TryGetValue(token, out var collective)) return new ActionOwner(collective, null, collective);
        var byInitials = people.FirstOrDefault(p => string.Equals(p.Initials, token, StringComparison.OrdinalIgnoreCase));
        if (byInitials is not null) return new ActionOwner(byInitials.Initials, byInitials.Id, byInitials.Name);
        var byName = people.Where(p => NameMatches(p.Name, token)).ToList();
        return byName.Count == 1 ? new ActionOwner(byName[0].Initials, byName[0].Id, byName[0].Name) : null;
    }

    // "Bill Kelly" matches "Bill Kelly"; "Colin Carswell" matches "Superintendent Colin Carswell".
    static bool NameMatches(string name, string token) =>
        token.Contains(' ') && (string.Equals(name, token, StringComparison.OrdinalIgnoreCase)
                                || name.EndsWith(" " + token, StringComparison.OrdinalIgnoreCase));

    static IEnumerable<KnownPerson> Closest(string token, IReadOnlyCollection<KnownPerson> people, int count)
    {
        var upper = token.ToUpperInvariant();
        return people
            .Select(p => (Person: p, Score: Score(upper, p)))
            .Where(x => x.Score <= Math.Max(2, upper.Length))
            .OrderBy(x => x.Score).ThenBy(x => x.Person.Initials, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Person);
    }

    // Edit distance between initials, with a small bonus when the typed letters start the same way.
    static int Score(string token, KnownPerson person)
    {
        var initials = person.Initials.ToUpperInvariant();
        var distance = Levenshtein(token, initials) * 2;
        if (initials.Length > 0 && token.Length > 0 && initials[0] == token[0]) distance -= 1;
        return distance;
    }

    static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    static string JoinOr(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    [GeneratedRegex(@"\s*(?:/|,|&|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}
