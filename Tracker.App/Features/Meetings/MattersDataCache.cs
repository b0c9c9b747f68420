using Tracker.App.Live;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// Keeps every matter arising (with its due meeting's date and latest update) in memory between
/// requests, for the dashboard panel, the log and its CSV: the dashboard reads it on every visit and
/// it changes a few times a week. Matters and their updates are the "matters-arising" area, the due
/// meeting's date the "meeting" area; every commit touching either moves the change feed's version on
/// after the commit and before the broadcast, and a copy stamped with an older version is never
/// served (see <see cref="Risks.RiskDataCache"/>). Who is asking and today's date are applied per request.
/// </summary>
public sealed class MattersDataCache(ChangeFeed feed)
{
    sealed record Entry(long Version, IReadOnlyList<MatterRow> Rows);

    Entry? _entry;

    long Version => feed.VersionOf(MeetingTopics.MattersArea) + feed.VersionOf(MeetingTopics.MeetingArea);

    public async Task<IReadOnlyList<MatterRow>> GetAsync(Func<CancellationToken, Task<IReadOnlyList<MatterRow>>> load, CancellationToken ct)
    {
        var version = Version;
        if (Volatile.Read(ref _entry) is { } entry && entry.Version == version) return entry.Rows;
        var rows = await load(ct);
        Volatile.Write(ref _entry, new Entry(version, rows));
        return rows;
    }
}
