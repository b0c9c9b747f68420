using System.Reflection;
using System.Text;
using FluentValidation;

namespace Tracker.Domain.Common;

/// <summary>
/// Rules every input meets, whichever form, import or endpoint it came from: dates within the years
/// the partnership can mean, and text free of control characters.
/// </summary>
public static class InputRules
{
    /// <summary>The first and last dates the tracker accepts: anything outside is a typing slip.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>A date typed as text (blank allowed): a real date, like the example, between 2000 and 2100.</summary>
    public static IRuleBuilderOptions<T, string?> UkDate<T>(this IRuleBuilder<T, string?> rule, string label, string example) =>
        rule
            .Must(d => string.IsNullOrWhiteSpace(d) || UkDates.TryParseShort(d, out _))
            .WithMessage($"{label} must be a real date, like {example}")
            .Must(d => !UkDates.TryParseShort(d, out var date) || InRange(date))
            .WithMessage($"{label} must be between {Earliest.Year} and {Latest.Year}");

    /// <summary>A typed date (blank allowed) between 2000 and 2100.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> InRange<T>(this IRuleBuilder<T, DateOnly?> rule, string label) =>
        rule.Must(d => d is not { } date || InRange(date)).WithMessage($"{label} must be between {Earliest.Year} and {Latest.Year}");

    /// <summary>
    /// True when the text holds a control character: anything below space, DEL and the C1 range. Long
    /// texts (narratives, notes) may hold tabs and line breaks; one-line fields may not.
    /// </summary>
    public static bool HasControlCharacters(string? text, bool multiline)
    {
        if (text is null) return false;
        foreach (var c in text)
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r')) return true;
        return false;
    }

    /// <summary>"NextReviewDate" → "next review date", for messages on fields without a label of their own.</summary>
    public static string Words(string propertyName)
    {
        var words = new StringBuilder();
        foreach (var c in propertyName)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}

/// <summary>
/// Refuses control characters in every text property of an input, with "Remove the control
/// characters from the …". Include it in a validator and name the long texts, which keep tabs and
/// line breaks, and any label that differs from the property's name.
/// </summary>
public sealed class PlainTextRules<T> : AbstractValidator<T>
{
    public PlainTextRules(IReadOnlyCollection<string>? multiline = null, IReadOnlyDictionary<string, string>? labels = null)
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.Name;
            var label = labels?.GetValueOrDefault(name) ?? InputRules.Words(name);
            var allowBreaks = multiline?.Contains(name) == true;
            if (property.PropertyType == typeof(string))
                RuleFor(x => (string?)property.GetValue(x))
                    .Must(text => !InputRules.HasControlCharacters(text, allowBreaks))
                    .OverridePropertyName(name)
                    .WithMessage($"Remove the control characters from the {label}");
            else if (typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
                RuleFor(x => (IEnumerable<string>?)property.GetValue(x))
                    .Must(texts => texts is null || !texts.Any(t => InputRules.HasControlCharacters(t, allowBreaks)))
                    .OverridePropertyName(name)
                    .WithMessage($"Remove the control characters from the {label}");
        }
    }
}
