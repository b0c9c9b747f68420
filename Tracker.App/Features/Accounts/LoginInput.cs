using FluentValidation;

namespace Tracker.App.Features.Accounts;

public sealed class LoginInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public static readonly LoginInputValidator Shared = new();

    public LoginInputValidator()
    {
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your email address");
        RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password");
    }
}
