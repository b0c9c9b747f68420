using Tracker.App.Common;
using Tracker.App.Live;

namespace Tracker.App.Components.Shared;

/// <summary>
/// What an edit form knows besides its fields: the refusal messages, a conflict with someone else's
/// save, whether a save is running, and whether the record changed elsewhere while the user typed.
/// Every form handles a <see cref="SaveResult"/> the same way, through <see cref="Accept"/>.
/// </summary>
public sealed class FormState
{
    public FormErrors Errors { get; } = new();
    public Conflict? Conflict { get; private set; }
    public bool Busy { get; set; }

    /// <summary>Someone else saved the record being edited; the form keeps what the user typed.</summary>
    public ChangeEvent? ChangedElsewhere { get; set; }

    /// <summary>True when saved; otherwise the messages or the conflict are ready to show.</summary>
    public bool Accept(SaveResult result)
    {
        Conflict = result.Conflict;
        if (result.Succeeded)
        {
            Errors.Clear();
            ChangedElsewhere = null;
            return true;
        }
        Errors.Show(result);
        if (result.Conflict is not null) ChangedElsewhere = null;
        return false;
    }
}
