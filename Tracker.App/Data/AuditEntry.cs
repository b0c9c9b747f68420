namespace Tracker.App.Data;

/// <summary>One audited insert, update or delete: who, when, what, and each changed property's old and new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; set; } = "";
    /// <summary>Optional reason the user gave, e.g. for an administrator's edit of a locked quarter.</summary>
    public string? Reason { get; set; }
    public List<AuditChange> Changes { get; set; } = [];
}

public sealed class AuditChange
{
    public long Id { get; set; }
    public long AuditEntryId { get; set; }
    public string Property { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
