using FluentValidation;

namespace Tracker.Domain.Common;

public static class ValidationExtensions
{
    /// <summary>Runs a validator and returns its failures as field errors, first message per field first.</summary>
    public static IReadOnlyList<FieldError> Check<T>(this IValidator<T> validator, T input) =>
        validator.Validate(input).Errors
            .Select(e => new FieldError(e.PropertyName, e.ErrorMessage))
            .ToList();
}
