using System.Text.RegularExpressions;
using Tracker.Domain.Common;

namespace Tracker.Domain.Meetings;

/// <summary>One item of an agenda as planned, before it is saved.</summary>
public sealed record PlannedAgendaItem(string Number, string Title, string Presenter = "", string PaperLink = "",
    AgendaItemKind Kind = AgendaItemKind.Business);

/// <summary>A sub-group that reports to the group, with the lead who usually presents its report.</summary>
public sealed record ReportingSubGroup(string ShortName, string Lead);

/// <summary>
/// The agenda a new meeting starts with, in the order every agenda of the partnership follows (000,
/// 003): apologies, the minutes of the previous meeting, matters outstanding, questions; then the
/// business carried from the previous agenda and the group's standing items; the sub-groups'
/// reports as lettered sub-items; any other business and the date of the next meeting.
/// One-off presentations of the previous meeting are not carried; the clerk edits the rest in place.
/// </summary>
public static partial class AgendaPlan
{
    public const string Apologies = "Apologies for absence";
    public const string Questions = "Questions received from Councillors or members of the public";
    public const string MattersOutstanding = "Matters outstanding";
    public const string SubGroupReports = "Reports from sub-groups";
    public const string AnyOtherBusiness = "Any other business";
    public const string NextMeeting = "Date and time of next meeting";

    /// <summary>Links the pack resolves for the meeting itself and the one before it.</summary>
    public const string PreviousMinutesLink = "/meetings/{previous}/minutes";
    public const string MattersLink = "/meetings/{meeting}/matters-arising";

    public static IReadOnlyList<PlannedAgendaItem> For(DateOnly? previousMeeting, IEnumerable<AgendaItem> previousAgenda,
        IEnumerable<StandingItem> standingItems, IEnumerable<ReportingSubGroup> subGroups)
    {
        var opening = new List<PlannedAgendaItem>
        {
            new("", Apologies),
            new("", previousMeeting is { } date ? $"Minutes of the previous meeting held on {UkDates.Long(date)}" : "Minutes of the previous meeting",
                PaperLink: previousMeeting is null ? "" : PreviousMinutesLink),
            new("", MattersOutstanding, PaperLink: MattersLink),
            new("", Questions),
        };
        var business = new List<PlannedAgendaItem>();
        foreach (var item in previousAgenda.OrderBy(a => a.Order))
        {
            if (item.Kind == AgendaItemKind.Presentation || IsFixed(item.Title) || IsSubItem(item.Number)) continue;
            business.Add(new("", item.Title, item.Presenter, item.PaperLink));
        }
        foreach (var standing in standingItems.OrderBy(s => s.Order))
        {
            var carried = business.FindIndex(b => SameTitle(b.Title, standing.Title));
            if (carried < 0) business.Add(new("", standing.Title, standing.Presenter));
            else if (business[carried].Presenter.Length == 0) business[carried] = business[carried] with { Presenter = standing.Presenter };
        }
        var reports = subGroups.ToList();
        var closing = new List<PlannedAgendaItem>();
        if (reports.Count > 0)
        {
            closing.Add(new("", SubGroupReports));
            closing.AddRange(reports.Select(g => new PlannedAgendaItem("a", $"{g.ShortName} sub-group update", g.Lead)));
        }
        var plan = opening.Concat(business).Concat(closing).Append(new("", AnyOtherBusiness)).Append(new("", NextMeeting)).ToList();
        return Number(plan);
    }

    /// <summary>
    /// Numbers items 1, 2, 3 … in order; an item whose number ends in a letter ("7a") is a sub-item of
    /// the item before it and is lettered a, b, c … under it. Items the clerk numbered otherwise keep
    /// their number.
    /// </summary>
    public static IReadOnlyList<PlannedAgendaItem> Number(IReadOnlyList<PlannedAgendaItem> items)
    {
        var numbers = Numbers(items.Select(i => i.Number).ToList());
        return items.Select((item, i) => item with { Number = numbers[i] }).ToList();
    }

    /// <summary>The numbers for items in this order, from how each is numbered now (see <see cref="Number"/>).</summary>
    public static IReadOnlyList<string> Numbers(IReadOnlyList<string> current)
    {
        var result = new List<string>(current.Count);
        var main = 0;
        var letter = 'a';
        foreach (var number in current)
        {
            if (IsSubItem(number) && main > 0)
            {
                result.Add($"{main}{letter}");
                letter = letter == 'z' ? 'z' : (char)(letter + 1);
            }
            else if (number.Length == 0 || PlainNumber().IsMatch(number) || IsSubItem(number))
            {
                result.Add((++main).ToString());
                letter = 'a';
            }
            else result.Add(number);
        }
        return result;
    }

    /// <summary>"7a", or a bare letter for a planned sub-item.</summary>
    public static bool IsSubItem(string number) => SubItem().IsMatch(number);

    /// <summary>Any other business and the date of the next meeting: the items an agenda ends with.</summary>
    public static bool IsClosing(string title)
    {
        var t = title.Trim().ToLowerInvariant();
        return t.StartsWith("any other business") || t.StartsWith("date of next") || t.StartsWith("date and time of");
    }

    /// <summary>Items every agenda has, made afresh for each meeting rather than carried.</summary>
    static bool IsFixed(string title)
    {
        var t = title.Trim().ToLowerInvariant();
        return t.StartsWith("apologies") || t.StartsWith("minutes of the") || t.StartsWith("matters outstanding")
               || t.StartsWith("matters arising") || t.StartsWith("questions") || t.StartsWith("reports from sub")
               || t.StartsWith("any other business") || t.StartsWith("date of next") || t.StartsWith("date and time of");
    }

    static bool SameTitle(string a, string b) =>
        string.Equals(Words().Replace(a, " ").Trim(), Words().Replace(b, " ").Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^\d*[a-z]$", RegexOptions.IgnoreCase)]
    private static partial Regex SubItem();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex Words();
}
