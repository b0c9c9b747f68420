using System.Text.Json.Serialization;

namespace Tracker.App.Live;

/// <summary>What the browser is told after a committed change: enough to refresh and to announce it.</summary>
/// <param name="Area">The live group the change belongs to, e.g. "risks", "meeting", "people".</param>
/// <param name="Key">The key within the area (e.g. the meeting id), or empty for area-wide changes.</param>
/// <param name="Kind">created, updated or deleted.</param>
/// <param name="Label">What changed, in words: "Risk R3", "Action 1.2".</param>
/// <param name="ByUserId">The account that saved it (null for the system), so a page does not warn people about their own saves.</param>
public sealed record ChangeEvent(string Area, string Key, string Kind, string Label, int Version, string By, DateTimeOffset At, string? ByUserId = null)
{
    /// <summary>The topics that receive this event: the whole area ("risks") and the single record ("risks:12").</summary>
    [JsonIgnore]
    public IEnumerable<string> Groups => Key.Length == 0 ? [Area] : [Area, $"{Area}:{Key}"];

    /// <summary>What a screen reader hears: "Risk R3 updated by Councillor Kate Lymer at 10:42".</summary>
    [JsonIgnore]
    public string Announcement => $"{Label} {Kind} by {By} at {Tracker.Domain.Common.UkDates.ToLondon(At):HH:mm}";
}
