using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Tracker.App.Components.GovUk;

/// <summary>
/// What every GOV.UK form field shares: a label, an optional hint, the first validation message of
/// its field, and ids that tie them together for screen readers (aria-describedby).
/// </summary>
public abstract class GovUkFieldBase<TValue> : InputBase<TValue>
{
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public string? Hint { get; set; }
    [Parameter] public string? Id { get; set; }
    /// <summary>Makes the label the page's h1, as the Design System does for one-question pages.</summary>
    [Parameter] public bool LabelIsPageHeading { get; set; }
    [Parameter] public string LabelClass { get; set; } = "";

    protected string FieldId => Id ?? GovUkIds.For(FieldIdentifier);
    protected string HintId => FieldId + "-hint";
    protected string ErrorId => FieldId + "-error";
    protected string? Error => EditContext.GetValidationMessages(FieldIdentifier).FirstOrDefault();

    protected string? DescribedBy
    {
        get
        {
            var ids = new List<string>(2);
            if (Hint is not null) ids.Add(HintId);
            if (Error is not null) ids.Add(ErrorId);
            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    protected string FormGroupClass => Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    protected override bool TryParseValueFromString(string? value, [MaybeNullWhen(false)] out TValue result, [NotNullWhen(false)] out string? validationErrorMessage)
    {
        if (BindConverter.TryConvertTo(value, System.Globalization.CultureInfo.InvariantCulture, out result))
        {
            validationErrorMessage = null;
            return true;
        }
        validationErrorMessage = $"Enter a valid {Label.ToLowerInvariant()}";
        return false;
    }
}
