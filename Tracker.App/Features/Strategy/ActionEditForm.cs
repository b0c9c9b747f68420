using Tracker.App.Common;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>The administrator's action form. Owners are typed as initials, as the papers write them: "AM/RV".</summary>
public sealed class ActionEditForm
{
    public int Version { get; set; }
    public string? Number { get; set; }
    public string? Description { get; set; }
    public string? Owners { get; set; }
    public int? OwningGroupId { get; set; }
    public int? LeadPartnerId { get; set; }
    public string? StartDate { get; set; }
    public string? TargetDate { get; set; }
    public string? Status { get; set; }

    public static ActionEditForm From(ActionForEdit action, IReadOnlyDictionary<int, string> initials) => new()
    {
        Version = action.Version,
        Number = action.Input.Number,
        Description = action.Input.Description,
        Owners = string.Join("/", action.Input.OwnerIds.Select(id => initials.GetValueOrDefault(id, "?")).Order()),
        OwningGroupId = action.Input.OwningGroupId,
        LeadPartnerId = action.Input.LeadPartnerId,
        StartDate = action.Input.StartDate is { } s ? UkDates.Short(s) : null,
        TargetDate = action.Input.TargetDate is { } t ? UkDates.Short(t) : null,
        Status = action.Input.Status.ToString(),
    };

    /// <summary>The input, or the form-level errors (owners, dates) found before the Domain validator runs.</summary>
    public (ActionInput Input, List<FieldError> Errors) ToInput(IReadOnlyDictionary<string, int> peopleByInitials)
    {
        var errors = new List<FieldError>();
        var owners = new List<int>();
        foreach (var initials in (Owners ?? "").Split('/', ',', ' ').Select(i => i.Trim().ToUpperInvariant()).Where(i => i.Length > 0))
        {
            if (peopleByInitials.TryGetValue(initials, out var id)) owners.Add(id);
            else errors.Add(new FieldError(nameof(Owners), $"No one has the initials {initials}"));
        }
        var typed = new TypedText();
        var input = new ActionInput(Number ?? "", Description ?? "", owners, OwningGroupId, LeadPartnerId,
            typed.Date(StartDate, nameof(StartDate), "Start date", "31/03/2023"), typed.Date(TargetDate, nameof(TargetDate), "Target date", "31/03/2023"),
            typed.Choice<ActionStatus>(Status, nameof(Status), "Select the action's status") ?? ActionStatus.InProgress);
        errors.AddRange(typed.Errors);
        return (input, errors);
    }
}
