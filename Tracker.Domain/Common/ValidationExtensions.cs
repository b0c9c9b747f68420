using FluentValidation;

namespace Tracker.Domain.Common;

public static class ValidationExtensions
{
    /// <summary>Runs a validator and returns its failures as field errors, first message per field first.</summary>
    /// <remarks>
    /// Build each validator once (a static field) and share it: building one compiles its rules' expressions (a
    /// risk's, a dozen), which cost about 3 ms of JIT on every save while each save built its own. A built
    /// validator does not change, so threads and circuits may share it (FluentValidation's own advice).
    /// </remarks>
    public static IReadOnlyList<FieldError> Check<T>(this IValidator<T> validator, T input) =>
        validator.Validate(input).Errors
            .Select(e => new FieldError(e.PropertyName, e.ErrorMessage))
            .ToList();
}
