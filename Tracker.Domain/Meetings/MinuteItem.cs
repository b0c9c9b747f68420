using Tracker.Domain.Common;

namespace Tracker.Domain.Meetings;

/// <summary>A numbered item of a meeting's minutes, with its resolutions.</summary>
public sealed class MinuteItem : Entity
{
    public int GroupId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>The meeting's numbering series, copied so that uniqueness can be a database rule.</summary>
    public int Series { get; set; }
    public int Number { get; set; }
    public string Suffix { get; set; } = "";
    public required string Title { get; set; }
    public string Text { get; set; } = "";

    readonly List<Resolution> _resolutions = [];
    public IReadOnlyList<Resolution> Resolutions => _resolutions;

    public MinuteNumber MinuteNumber => new(Number, Suffix);

    /// <summary>Gives the item the number a reorder or removal worked out; the numbers stay within the meeting's own run.</summary>
    public void Renumber(MinuteNumber number)
    {
        Number = number.Number;
        Suffix = number.Suffix;
    }

    /// <summary>
    /// Changes the title and text. Once the minutes are agreed, each changed field is returned as a
    /// correction (what it said, what it says now, why); before then the draft is simply edited.
    /// </summary>
    public IReadOnlyList<MinuteCorrection> Correct(string title, string? text, string? reason, string by, DateTimeOffset at)
    {
        var corrections = new List<MinuteCorrection>();
        var (newTitle, newText) = (title.Trim(), text?.Trim() ?? "");
        if (Meeting?.MinutesAgreed == true)
        {
            if (newTitle != Title) corrections.Add(MinuteCorrection.Of(this, null, "Title", Title, newTitle, reason!, by, at));
            if (newText != Text) corrections.Add(MinuteCorrection.Of(this, null, "Minute", Text, newText, reason!, by, at));
        }
        Title = newTitle;
        Text = newText;
        return corrections;
    }

    public static MinuteItem Record(Meeting meeting, MinuteNumber number, string title, string? text) => new()
    {
        Meeting = meeting,
        MeetingId = meeting.Id,
        GroupId = meeting.GroupId,
        Series = meeting.MinuteSeries,
        Number = number.Number,
        Suffix = number.Suffix,
        Title = title.Trim(),
        Text = text?.Trim() ?? "",
    };

    /// <summary>
    /// Adds a "RESOLVED that …" with its owners. One that needs action becomes a matter arising,
    /// returned so the caller can save it with the resolution.
    /// </summary>
    public (Resolution Resolution, MatterArising? Matter) Resolve(string text, OwnerParseResult owners, bool needsAction)
    {
        if (!owners.Succeeded && needsAction) throw new InvalidOperationException("Owners must be valid before a resolution is recorded");
        var resolution = new Resolution
        {
            MinuteItem = this, Text = text.Trim(), Owners = owners.Succeeded ? owners.Text : "", NeedsAction = needsAction,
            Order = _resolutions.Count + 1,
        };
        _resolutions.Add(resolution);
        if (!needsAction) return (resolution, null);
        if (Meeting is null) throw new InvalidOperationException("Load the meeting before recording a resolution that needs action");
        var matter = MatterArising.Raise(this, resolution, Meeting.Date);
        return (resolution, matter);
    }
}

/// <summary>A "RESOLVED that …" of a minute item and who owns the action.</summary>
public sealed class Resolution : Entity
{
    public int MinuteItemId { get; set; }
    public MinuteItem? MinuteItem { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    /// <summary>As the action column writes it: "AM/RV", "SBP", "All Partners"; empty when noted only.</summary>
    public string Owners { get; set; } = "";
    public bool NeedsAction { get; set; }

    /// <summary>Changes the wording and owners; once the minutes are agreed each change is returned as a correction.</summary>
    public IReadOnlyList<MinuteCorrection> Correct(string text, OwnerParseResult owners, string? reason, string by, DateTimeOffset at)
    {
        var corrections = new List<MinuteCorrection>();
        var (newText, newOwners) = (text.Trim(), owners.Succeeded ? owners.Text : "");
        if (MinuteItem?.Meeting?.MinutesAgreed == true)
        {
            if (newText != Text) corrections.Add(MinuteCorrection.Of(MinuteItem, this, "Resolution", Text, newText, reason!, by, at));
            if (newOwners != Owners) corrections.Add(MinuteCorrection.Of(MinuteItem, this, "Action owners", Owners, newOwners, reason!, by, at));
        }
        Text = newText;
        Owners = newOwners;
        return corrections;
    }
}

/// <summary>
/// A change to minutes already agreed as a correct record: which minute, what it said and says now,
/// the reason, who and when. Shown beside the minute so a reader sees the record was corrected.
/// </summary>
public sealed class MinuteCorrection : Entity
{
    public int MeetingId { get; set; }
    public int MinuteItemId { get; set; }
    public MinuteItem? MinuteItem { get; set; }
    /// <summary>The resolution corrected, when it was a resolution (no key: the minute item owns the history).</summary>
    public int? ResolutionId { get; set; }
    /// <summary>
    /// "Title", "Minute", "Resolution", "Action owners" for a change of wording; <see cref="ItemAdded"/>
    /// or <see cref="ResolutionAdded"/> for an item or resolution added after the minutes were agreed.
    /// </summary>
    public required string Field { get; set; }
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
    public required string Reason { get; set; }
    public required string CorrectedBy { get; set; }
    public DateTimeOffset CorrectedAt { get; set; }

    /// <summary>A minute item added to minutes already agreed: shown as "Added on … by …: reason".</summary>
    public const string ItemAdded = "Minute added";
    /// <summary>A resolution added to a minute of minutes already agreed.</summary>
    public const string ResolutionAdded = "Resolution added";

    public bool IsAddition => Field is ItemAdded or ResolutionAdded;

    /// <summary>Records that <paramref name="item"/> (or its <paramref name="resolution"/>) was added after the minutes were agreed, and why.</summary>
    public static MinuteCorrection Added(MinuteItem item, Resolution? resolution, string reason, string by, DateTimeOffset at) =>
        Of(item, resolution, resolution is null ? ItemAdded : ResolutionAdded, "",
            resolution?.Text ?? $"{item.MinuteNumber} {item.Title}", reason, by, at);

    public static MinuteCorrection Of(MinuteItem item, Resolution? resolution, string field, string before, string after, string reason, string by, DateTimeOffset at) => new()
    {
        MinuteItem = item, MinuteItemId = item.Id, MeetingId = item.MeetingId, ResolutionId = resolution?.Id, Field = field,
        Before = before, After = after, Reason = reason.Trim(), CorrectedBy = by, CorrectedAt = at,
    };
}
