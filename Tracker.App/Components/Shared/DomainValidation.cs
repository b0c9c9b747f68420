using FluentValidation;

namespace Tracker.App.Components.Shared;

/// <summary>
/// MudBlazor's field validation from the Domain's own validator, one property at a time, so a field
/// shows its message as the user leaves it. The service checks the whole input again on save.
/// </summary>
public static class DomainValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        async (model, property) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(property)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
