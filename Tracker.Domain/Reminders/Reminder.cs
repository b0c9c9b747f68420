namespace Tracker.Domain.Reminders;

public enum ReminderMessageStatus
{
    /// <summary>Claimed and being sent (or the sender stopped before it finished: retried).</summary>
    Pending,
    Sent,
    /// <summary>The last attempt failed; it is retried after <see cref="ReminderMessage.NextAttemptAt"/>.</summary>
    Failed,
    /// <summary>Failed <see cref="ReminderSchedule.MaxAttempts"/> times: left for an administrator.</summary>
    GaveUp,
}

/// <summary>
/// One email the tracker sent (or tried to): to whom, what, when, and how its sending went. The
/// rendered message is kept so a failed send is retried exactly as it was first written.
/// </summary>
public sealed class ReminderMessage
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public ReminderKind Kind { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public string? UnsubscribeUrl { get; set; }
    /// <summary>"Schedule", or who pressed Chase.</summary>
    public string TriggeredBy { get; set; } = "Schedule";
    public ReminderMessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    readonly List<ReminderRecord> _records = [];
    public IReadOnlyList<ReminderRecord> Records => _records;

    public void Covers(string about, string occasion) =>
        _records.Add(new ReminderRecord { Message = this, PersonId = PersonId, Kind = Kind, About = about, Occasion = occasion, At = CreatedAt });
}

/// <summary>
/// That a person was reminded of one thing on one occasion: unique per person, kind, subject
/// ("meeting:3", "risk:12") and occasion ("7d", "due:2026-12-10"), so nothing is sent twice, across
/// restarts and instances: the second insert is refused by the database.
/// </summary>
public sealed class ReminderRecord
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public ReminderKind Kind { get; set; }
    public required string About { get; set; }
    public required string Occasion { get; set; }
    public DateTimeOffset At { get; set; }
    public int MessageId { get; set; }
    public ReminderMessage? Message { get; set; }
}

/// <summary>A person's choice for one kind of reminder. No row means on.</summary>
public sealed class ReminderPreference
{
    public int PersonId { get; set; }
    public ReminderKind Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}
