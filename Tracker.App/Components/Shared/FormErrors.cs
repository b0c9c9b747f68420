using Tracker.App.Common;
using Tracker.Domain.Common;

namespace Tracker.App.Components.Shared;

/// <summary>
/// A form's refusal messages: the summary's list and each field's own message. Built from a
/// <see cref="SaveResult"/> in one way for every form.
/// </summary>
public sealed class FormErrors
{
    List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;
    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.Any(e => e.Field == field);
    public string? For(string field) => _errors.FirstOrDefault(e => e.Field == field)?.Message;

    public void Clear() => _errors = [];

    public void Set(IEnumerable<FieldError> errors) => _errors = errors.ToList();

    /// <summary>The messages of a refused save: field errors, permission, missing record, conflict.</summary>
    public void Show(SaveResult result)
    {
        var errors = result.Errors.ToList();
        if (result.Denied is not null) errors.Add(new FieldError("", result.Denied));
        if (result.NotFound) errors.Add(new FieldError("", "This record no longer exists. It may have been deleted by someone else"));
        if (result.Conflict is not null) errors.Add(new FieldError("", "Someone else saved this record while you were editing it"));
        _errors = errors;
    }
}
