using FluentValidation;

namespace Tracker.Domain.People;

/// <summary>What an administrator types to add or change a person.</summary>
public sealed record PersonInput(string Name, string Initials, string? RoleTitle, int? PartnerId, string? Email);

public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator()
    {
        RuleFor(p => p.Name)
            .NotEmpty().WithMessage("Enter the person's name")
            .MaximumLength(100).WithMessage("Name must be 100 characters or fewer");
        RuleFor(p => p.Initials)
            .NotEmpty().WithMessage("Enter the person's initials")
            .Matches("^[A-Za-z]{1,5}$").WithMessage("Initials must be 1 to 5 letters, like AM");
        RuleFor(p => p.RoleTitle)
            .MaximumLength(150).WithMessage("Role title must be 150 characters or fewer");
        RuleFor(p => p.Email)
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
            .When(p => !string.IsNullOrWhiteSpace(p.Email));
        Include(new Common.PlainTextRules<PersonInput>());
    }
}
