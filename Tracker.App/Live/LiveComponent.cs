using Microsoft.AspNetCore.Components;

namespace Tracker.App.Live;

/// <summary>
/// A component that shows committed data and refreshes itself when someone saves a change to it.
/// It follows its topics only while interactive (not while prerendering), reloads on its own
/// dispatcher and re-renders; it stops following when disposed.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    [Inject] LiveUpdates Live { get; set; } = default!;
    [Inject] LiveAnnouncer Announcer { get; set; } = default!;

    IDisposable? _following;

    /// <summary>
    /// Follow <paramref name="topics"/> from now on (replacing what was followed before):
    /// <paramref name="reload"/> runs after each burst of changes, or with none after a reconnect,
    /// then the component renders again.
    /// </summary>
    protected void Follow(Func<IReadOnlyList<ChangeEvent>, Task> reload, params string[] topics)
    {
        if (!RendererInfo.IsInteractive) return;
        _following?.Dispose();
        _following = Live.Follow(topics, async changes =>
        {
            await reload(changes);
            // In one render batch with the live region's news of the change, when it has some.
            Announcer.Render(StateHasChanged);
        }, InvokeAsync);
    }

    public virtual void Dispose()
    {
        _following?.Dispose();
        GC.SuppressFinalize(this);
    }
}
