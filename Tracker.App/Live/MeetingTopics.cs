using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Live;

/// <summary>
/// Live areas of the meetings feature: "meeting:{id}" for a meeting's pack and minutes, and
/// "matters-arising" (keyed by the meeting that raised the matter) for the log and every report,
/// since a meeting's report carries matters from many earlier meetings.
/// </summary>
public static class MeetingTopics
{
    public const string MeetingArea = "meeting";
    public const string MattersArea = "matters-arising";

    public static LiveTopic Meeting(Meeting m) => new(MeetingArea, m.Id.ToString(), $"Meeting of {UkDates.Long(m.Date)}");

    /// <summary>"standing-items:{group}": a group's standing items, which pre-fill its new agendas.</summary>
    public const string StandingItemsArea = "standing-items";

    public static LiveTopic Standing(StandingItem s) => new(StandingItemsArea, s.GroupId.ToString(), $"Standing item {s.Title}");

    public static LiveTopic Child(int meetingId, string label) => new(MeetingArea, meetingId.ToString(), label);

    public static LiveTopic Resolution(Resolution r) =>
        r.MinuteItem is { } item ? Child(item.MeetingId, $"Minute {item.MinuteNumber}") : new(MeetingArea, "", "Resolution");

    public static LiveTopic Matter(MatterArising? m) =>
        m is null ? new(MattersArea, "", "Matter arising") : new(MattersArea, m.MeetingId.ToString(), m.Label);
}
