using Microsoft.AspNetCore.Components.Forms;
using Tracker.Domain.Common;

namespace Tracker.App.Components.GovUk;

/// <summary>
/// The server's messages for one form, in the order they were added: validation errors from the
/// Domain validators, and refusals (permission, conflict) as form-level messages. The error summary
/// reads them from the EditContext, so pages only add messages.
/// </summary>
public sealed class FormMessages
{
    readonly EditContext _context;
    readonly ValidationMessageStore _store;
    readonly List<FieldIdentifier> _fields = [];

    FormMessages(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
    }

    /// <summary>The messages of a form, created on first use.</summary>
    public static FormMessages For(EditContext context)
    {
        if (context.Properties.TryGetValue(typeof(FormMessages), out var existing)) return (FormMessages)existing;
        var messages = new FormMessages(context);
        context.Properties[typeof(FormMessages)] = messages;
        return messages;
    }

    public static IReadOnlyList<FieldIdentifier> FieldsOf(EditContext context) =>
        context.Properties.TryGetValue(typeof(FormMessages), out var existing) ? ((FormMessages)existing)._fields : [];

    public bool Any => _fields.Count > 0;

    /// <summary>A message for a field of the form's model; an empty field name makes a form-level message.</summary>
    public void Add(string field, string message)
    {
        var identifier = new FieldIdentifier(_context.Model, field);
        if (!_fields.Contains(identifier)) _fields.Add(identifier);
        _store.Add(identifier, message);
        _context.NotifyValidationStateChanged();
    }

    public void AddAll(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors) Add(error.Field, error.Message);
    }

    public void Clear()
    {
        _store.Clear();
        _fields.Clear();
    }
}
