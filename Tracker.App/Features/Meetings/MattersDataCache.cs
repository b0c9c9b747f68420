using Tracker.App.Live;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// Every matter arising (with its due meeting's date and latest update) in memory (see
/// <see cref="CommittedDataCache{T}"/>), for the dashboard panel, the log and its CSV. Matters and
/// their updates are the "matters-arising" area, the due meeting's date the "meeting" area. Who is
/// asking and today's date are applied per request.
/// </summary>
public sealed class MattersDataCache(ChangeFeed feed)
    : CommittedDataCache<IReadOnlyList<MatterRow>>(feed, MeetingTopics.MattersArea, MeetingTopics.MeetingArea);
