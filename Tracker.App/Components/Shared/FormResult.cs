using Tracker.App.Common;
using Tracker.App.Components.GovUk;

namespace Tracker.App.Components.Shared;

public static class FormResult
{
    /// <summary>Turns a refused save into the form's messages; field errors link to their fields.</summary>
    public static void Show(this FormMessages messages, SaveResult result)
    {
        messages.Clear();
        messages.AddAll(result.Errors);
        if (result.Denied is not null) messages.Add("", result.Denied);
        if (result.Conflict is not null) messages.Add("", "Someone else saved this record while you were editing it");
        if (result.NotFound) messages.Add("", "This record no longer exists. It may have been deleted by someone else");
    }
}
