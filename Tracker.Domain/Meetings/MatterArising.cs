using Tracker.Domain.Common;

namespace Tracker.Domain.Meetings;

public enum MatterStatus
{
    Open,
    Closed,
}

/// <summary>
/// A resolution that needs action, carried from meeting to meeting until the clerk or chair closes
/// it. Its updates are append-only history: the latest one is what the next report shows.
/// </summary>
public sealed class MatterArising : Entity
{
    public int GroupId { get; set; }
    /// <summary>The meeting at which it was resolved.</summary>
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? ResolutionId { get; set; }
    public Resolution? Resolution { get; set; }
    /// <summary>Copied from the minute item so the log reads as the papers do even if the minutes are renumbered.</summary>
    public required string MinuteNumber { get; set; }
    public required string Title { get; set; }
    public DateOnly MeetingDate { get; set; }
    public required string ResolutionText { get; set; }
    public string Owners { get; set; } = "";
    public MatterStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    public string? ClosingNote { get; set; }
    /// <summary>The meeting by which the action is due, if one was set.</summary>
    public int? DueMeetingId { get; set; }
    public Meeting? DueMeeting { get; set; }
    /// <summary>Date of the latest update; a new update changes the matter's version so a stale close is refused.</summary>
    public DateOnly? LastUpdatedOn { get; set; }

    readonly List<MatterUpdate> _updates = [];
    public IReadOnlyList<MatterUpdate> Updates => _updates;

    public string Label => $"Matter {MinuteNumber}";

    public static MatterArising Raise(MinuteItem item, Resolution resolution, DateOnly meetingDate) => new()
    {
        GroupId = item.GroupId,
        Meeting = item.Meeting,
        MeetingId = item.MeetingId,
        Resolution = resolution,
        MinuteNumber = item.MinuteNumber.ToString(),
        Title = item.Title,
        MeetingDate = meetingDate,
        ResolutionText = resolution.Text,
        Owners = resolution.Owners,
        Status = MatterStatus.Open,
    };

    public MatterUpdate AddUpdate(string text, string author, DateOnly on, DateTimeOffset at)
    {
        var update = new MatterUpdate { Matter = this, Text = text.Trim(), Author = author, On = on, At = at };
        _updates.Add(update);
        if (LastUpdatedOn is null || on >= LastUpdatedOn) LastUpdatedOn = on;
        return update;
    }

    public bool TryClose(string note, string by, DateOnly on)
    {
        if (Status == MatterStatus.Closed) return false;
        Status = MatterStatus.Closed;
        ClosingNote = note.Trim();
        ClosedBy = by;
        ClosedOn = on;
        return true;
    }

    /// <summary>Sets (or clears) the meeting by which the action is due; it must be a meeting of the same group.</summary>
    public bool TrySetDue(Meeting? meeting)
    {
        if (meeting is not null && meeting.GroupId != GroupId) return false;
        DueMeeting = meeting;
        DueMeetingId = meeting?.Id;
        return true;
    }

    public bool IsOwnedBy(string? initials) => ActionOwners.Names(Owners, initials);
}

/// <summary>One dated update to a matter arising. Never edited or deleted.</summary>
public sealed class MatterUpdate : Entity
{
    public int MatterArisingId { get; set; }
    public MatterArising? Matter { get; set; }
    public required string Text { get; set; }
    public required string Author { get; set; }
    /// <summary>The date the update speaks for (the papers' date for history; today for new ones).</summary>
    public DateOnly On { get; set; }
    public DateTimeOffset At { get; set; }
}
