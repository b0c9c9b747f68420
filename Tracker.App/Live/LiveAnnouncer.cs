namespace Tracker.App.Live;

/// <summary>
/// What the page's polite live region says next. One per circuit: several components following the
/// same record announce its change once.
/// </summary>
public sealed class LiveAnnouncer
{
    readonly Lock _lock = new();
    readonly Queue<(string Area, string Key, int Version)> _recent = new();

    public string Message { get; private set; } = "";
    public event Action? Changed;

    public void Announce(ChangeEvent change)
    {
        lock (_lock)
        {
            var id = (change.Area, change.Key, change.Version);
            if (_recent.Contains(id) && change.Kind != "deleted") return;
            _recent.Enqueue(id);
            if (_recent.Count > 20) _recent.Dequeue();
            Message = change.Announcement;
        }
        Changed?.Invoke();
    }

    /// <summary>For messages that are not record changes: "Connection restored".</summary>
    public void Say(string message)
    {
        Message = message;
        Changed?.Invoke();
    }
}
