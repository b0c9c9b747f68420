using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>
/// Keeps an update form's draft a moment after the user's last change (debounced, so a draft is written
/// once per pause in typing, not per keystroke), for the form's component: <paramref name="dispatch"/>
/// is its InvokeAsync and <paramref name="render"/> its StateHasChanged.
/// </summary>
public sealed class UpdateDraftKeeper(UpdateDraftService drafts, Func<Func<Task>, Task> dispatch, Action render) : IDisposable
{
    CancellationTokenSource? _debounce;
    Task _writing = Task.CompletedTask;

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When the draft was last kept in this form, to tell the user; null when none is.</summary>
    public DateTimeOffset? KeptAt { get; private set; }

    /// <summary>
    /// The user changed the form: keep it after <see cref="Delay"/> unless they change it again first. A form
    /// back to what is saved (<paramref name="edited"/> false by then) has nothing to keep: its draft is removed.
    /// </summary>
    public void Changed(int actionId, FinancialQuarter quarter, UpdateFormModel model, Func<bool> edited)
    {
        Cancel();
        var debounce = _debounce = new CancellationTokenSource();
        _ = LaterAsync(debounce.Token, () => WriteAsync(actionId, quarter, model, edited()));
    }

    /// <summary>Before a save: nothing pending is written after it, and a write under way finishes first.</summary>
    public async Task StopAsync()
    {
        Cancel();
        await _writing;
        KeptAt = null;
    }

    async Task LaterAsync(CancellationToken ct, Func<Task> write)
    {
        try
        {
            await Task.Delay(Delay, ct);
            await dispatch(() => ct.IsCancellationRequested ? Task.CompletedTask : _writing = write());
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit has gone: the last second of typing is all that is lost.
        }
    }

    async Task WriteAsync(int actionId, FinancialQuarter quarter, UpdateFormModel model, bool edited)
    {
        try
        {
            if (!edited)
            {
                await drafts.DiscardAsync(actionId, quarter);
                KeptAt = null;
            }
            else if (await drafts.KeepAsync(actionId, quarter, model.Rag, model.Narrative, model.EvidenceLink))
            {
                KeptAt = DateTimeOffset.UtcNow;
            }
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // A draft is a safety net, not a save: a busy database costs this one, and the next pause tries again.
            KeptAt = null;
        }
        render();
    }

    void Cancel()
    {
        _debounce?.Cancel();
        _debounce?.Dispose();
        _debounce = null;
    }

    public void Dispose() => Cancel();
}
