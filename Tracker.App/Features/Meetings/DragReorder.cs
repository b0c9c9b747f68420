using Microsoft.AspNetCore.Components;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// Reordering rows of a list by dragging (the agenda editor, the minutes): which row is being dragged,
/// which row it is over (shown by <c>tr.drag-over</c>), and what to do when it is dropped on another
/// row. Each list keeps Move up / Move down buttons as the keyboard path. The owner's re-render is
/// driven through an <see cref="EventCallback"/> so every row's highlight follows the pointer.
/// </summary>
public sealed class DragReorder<TItem>(IHandleEvent owner, Func<TItem, TItem, Task> dropped, Func<TItem, TItem, bool> same)
{
    readonly EventCallback _changed = EventCallback.Factory.Create(owner, () => { });
    TItem? _dragged;

    /// <summary>The row the dragged row is over, where it will go if dropped.</summary>
    public TItem? Over { get; private set; }

    public bool IsOver(TItem item) => Over is { } over && same(over, item);

    public void Start(TItem item) => _dragged = item;

    public Task EnterAsync(TItem item)
    {
        if (IsOver(item)) return Task.CompletedTask;
        Over = item;
        return _changed.InvokeAsync();
    }

    public Task EndAsync()
    {
        _dragged = default;
        Over = default;
        return _changed.InvokeAsync();
    }

    /// <summary>Moves the dragged row to where <paramref name="target"/> is (nothing if dropped on itself).</summary>
    public async Task DropAsync(TItem target)
    {
        var dragged = _dragged;
        _dragged = default;
        Over = default;
        if (dragged is not null && !same(dragged, target)) await dropped(dragged, target);
        await _changed.InvokeAsync();
    }
}
