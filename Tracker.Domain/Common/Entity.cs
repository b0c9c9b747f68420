namespace Tracker.Domain.Common;

/// <summary>
/// Base of every editable entity: an integer key, an optimistic concurrency version, and who
/// created and last changed it. The stamps and the version are set by the data layer's audit
/// interceptor on every save, never by pages or services.
/// </summary>
public abstract class Entity
{
    public int Id { get; set; }

    /// <summary>Incremented on every update; a save carrying an older version is refused.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
