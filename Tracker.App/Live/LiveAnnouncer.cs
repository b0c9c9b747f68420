using System.Diagnostics;

namespace Tracker.App.Live;

/// <summary>
/// What the page's polite live region says next. One per circuit: several components following the
/// same record announce its change once.
/// </summary>
/// <remarks>
/// The live region is told at most once a second: the first change at once, a burst's latest change a
/// second later. A screen reader cannot say five saves a second anyway (each announcement replaces the
/// last). A change's news goes in the same render batch as the page showing the change (<see cref="Render"/>),
/// as a batch of its own on every open tab was half of what a save cost (bench/RESULTS.md, fan-out).
/// </remarks>
public sealed class LiveAnnouncer
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    readonly Lock _lock = new();
    readonly Queue<(string Area, string Key, int Version)> _recent = new();
    long _toldAt;
    string _told = "";
    bool _catchUpDue;
    bool _due;
    Action<Action>? _region;

    public string Message { get; private set; } = "";

    /// <summary>The live region should say <see cref="Message"/> now, in a render of its own.</summary>
    public event Action? Changed;

    /// <summary>
    /// Takes a change to announce and returns true when the live region is due to say it now: the caller then has it
    /// said with the next render (<see cref="Render"/>) or on its own (<see cref="TellIfDue"/>).
    /// </summary>
    internal bool Note(ChangeEvent change)
    {
        lock (_lock)
        {
            var id = (change.Area, change.Key, change.Version);
            if (_recent.Contains(id) && change.Kind != "deleted") return false;
            _recent.Enqueue(id);
            if (_recent.Count > 20) _recent.Dequeue();
            Message = change.Announcement;
            if (!TellNowOrLater()) return false;
            _due = true;
            return true;
        }
    }

    /// <summary>Tells the live region now if it is still due to say something (nobody's render took it along).</summary>
    public void TellIfDue()
    {
        lock (_lock)
        {
            if (!_due) return;
            _due = false;
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// Runs a component's render (its <c>StateHasChanged</c>, on the circuit's dispatcher), with the live region's
    /// news in the same render batch when it has some: each open tab then gets one batch per save, not two
    /// (bench/RESULTS.md, fan-out).
    /// </summary>
    public void Render(Action render)
    {
        Action<Action>? region;
        lock (_lock)
        {
            region = _due ? _region : null;
            if (region is not null) _due = false;
        }
        if (region is null) render();
        else region(render);
    }

    /// <summary>
    /// The page's live region (<c>LiveAnnouncements</c>): it renders and, while its render batch is being built,
    /// runs the render handed to it, which joins that batch.
    /// </summary>
    internal IDisposable AttachRegion(Action<Action> region)
    {
        lock (_lock) _region = region;
        return new Detach(this, region);
    }

    sealed class Detach(LiveAnnouncer announcer, Action<Action> region) : IDisposable
    {
        public void Dispose()
        {
            // Only its own: the next page's region may have attached already.
            lock (announcer._lock)
                if (announcer._region == region) announcer._region = null;
        }
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
