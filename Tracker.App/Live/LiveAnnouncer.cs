using System.Diagnostics;

namespace Tracker.App.Live;

/// <summary>
/// What the page's polite live region says next. One per circuit: several components following the
/// same record announce its change once.
/// </summary>
/// <remarks>
/// The live region is told at most once a second: the first change at once, a burst's latest change a
/// second later. A screen reader cannot say five saves a second anyway (each announcement replaces the
/// last), and each telling is a render batch of its own on every open tab (bench/RESULTS.md, fan-out).
/// </remarks>
public sealed class LiveAnnouncer
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    readonly Lock _lock = new();
    readonly Queue<(string Area, string Key, int Version)> _recent = new();
    long _toldAt;
    string _told = "";
    bool _catchUpDue;

    public string Message { get; private set; } = "";
    public event Action? Changed;

    public void Announce(ChangeEvent change)
    {
        bool tellNow;
        lock (_lock)
        {
            var id = (change.Area, change.Key, change.Version);
            if (_recent.Contains(id) && change.Kind != "deleted") return;
            _recent.Enqueue(id);
            if (_recent.Count > 20) _recent.Dequeue();
            Message = change.Announcement;
            tellNow = TellNowOrLater();
        }
        if (tellNow) Changed?.Invoke();
    }

    /// <summary>For messages that are not record changes: "Connection restored". Said at once.</summary>
    public void Say(string message)
    {
        lock (_lock)
        {
            Message = message;
            Told();
        }
        Changed?.Invoke();
    }

    // Under the lock: true to tell the live region now; otherwise a catch-up tells it the latest message.
    bool TellNowOrLater()
    {
        var since = Stopwatch.GetElapsedTime(_toldAt);
        if (_toldAt == 0 || since >= Interval)
        {
            Told();
            return true;
        }
        if (!_catchUpDue)
        {
            _catchUpDue = true;
            _ = CatchUpAsync(Interval - since);
        }
        return false;
    }

    void Told()
    {
        _toldAt = Stopwatch.GetTimestamp();
        _told = Message;
    }

    async Task CatchUpAsync(TimeSpan wait)
    {
        await Task.Delay(wait).ConfigureAwait(false);
        bool tell;
        lock (_lock)
        {
            _catchUpDue = false;
            tell = Message != _told;
            if (tell) Told();
        }
        if (!tell) return;
        try { Changed?.Invoke(); }
        catch (Exception) { /* the live region is gone with its layout: nothing to say it in */ }
    }
}
