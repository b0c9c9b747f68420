using System.Globalization;

namespace Tracker.Domain.Common;

/// <summary>
/// The one place where text from a form field or a CSV cell becomes a typed value. Blank text is no
/// value; text that is not a value is refused with the field's message, never read as a default.
/// Usable from any caller: the GOV.UK forms, the CSV import, and components that bind typed values.
/// </summary>
public sealed class TypedText
{
    readonly List<FieldError> _errors = [];

    /// <summary>A message for each field whose text could not be read.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>A whole number ("3", " 12 "); "abc", "1e9", "2.5" and numbers beyond int are refused.</summary>
    public int? Number(string? text, string field, string message)
    {
        if (TryNumber(text, out var value)) return value;
        _errors.Add(new FieldError(field, message));
        return null;
    }

    /// <summary>One of an enum's names ("Open", "closed"); numbers ("99") and undefined names are refused.</summary>
    public TEnum? Choice<TEnum>(string? text, string field, string message) where TEnum : struct, Enum
    {
        if (TryChoice<TEnum>(text, out var value)) return value;
        _errors.Add(new FieldError(field, message));
        return null;
    }

    /// <summary>A date as the register writes it (31/03/2025), between 2000 and 2100.</summary>
    public DateOnly? Date(string? text, string field, string label, string example)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!UkDates.TryParseShort(text, out var date))
            _errors.Add(new FieldError(field, $"{label} must be a real date, like {example}"));
        else if (!InputRules.InRange(date))
            _errors.Add(new FieldError(field, $"{label} must be between {InputRules.Earliest.Year} and {InputRules.Latest.Year}"));
        else return date;
        return null;
    }

    public static bool TryNumber(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return false;
        value = n;
        return true;
    }

    public static bool TryChoice<TEnum>(string? text, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var name = text.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (!string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }
        return false;
    }
}
