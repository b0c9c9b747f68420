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
}
