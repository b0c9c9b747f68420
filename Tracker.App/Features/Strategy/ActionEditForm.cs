using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>What the administrator's action form posts. Owners are typed as initials, as the papers write them: "AM/RV".</summary>
public sealed class ActionEditForm
{
    public int Version { get; set; }
    public string? Number { get; set; }
    public string? Description { get; set; }
    public string? Owners { get; set; }
    public string? OwningGroupId { get; set; }
    public string? LeadPartnerId { get; set; }
    public string? StartDate { get; set; }
    public string? TargetDate { get; set; }
    public string? Status { get; set; }

    public static ActionEditForm From(ActionForEdit action, IReadOnlyDictionary<int, string> initials) => new()
    {
        Version = action.Version,
        Number = action.Input.Number,
        Description = action.Input.Description,
        Owners = string.Join("/", action.Input.OwnerIds.Select(id => initials.GetValueOrDefault(id, "?")).Order()),
        OwningGroupId = action.Input.OwningGroupId?.ToString(),
        LeadPartnerId = action.Input.LeadPartnerId?.ToString(),
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
        var input = new ActionInput(Number ?? "", Description ?? "", owners,
            typed.Number(OwningGroupId, nameof(OwningGroupId), "Select the group that owns the action"),
            typed.Number(LeadPartnerId, nameof(LeadPartnerId), "Select the lead partner"),
            typed.Date(StartDate, nameof(StartDate), "Start date", "31/03/2023"), typed.Date(TargetDate, nameof(TargetDate), "Target date", "31/03/2023"),
            typed.Choice<ActionStatus>(Status, nameof(Status), "Select the action's status") ?? ActionStatus.InProgress);
        errors.AddRange(typed.Errors);
        return (input, errors);
    }
}
