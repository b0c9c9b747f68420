using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Meetings;

/// <summary>
/// An item that goes on every agenda of a group until the clerk takes it off (003 minute 110 made
/// MOPAC and LAS updates standing items). New agendas are pre-filled with them, in this order.
/// </summary>
public sealed class StandingItem : Entity
{
    public int GroupId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    /// <summary>Who usually presents it: "Superintendent Colin Carswell", "Sub-group leads".</summary>
    public string Presenter { get; set; } = "";

    public static StandingItem For(int groupId, int order, StandingItemInput input) => new()
    {
        GroupId = groupId, Order = order, Title = input.Title!.Trim(), Presenter = input.Presenter?.Trim() ?? "",
    };

    public void Change(StandingItemInput input)
    {
        Title = input.Title!.Trim();
        Presenter = input.Presenter?.Trim() ?? "";
    }
}

/// <summary>What the clerk types for a standing item.</summary>
public sealed record StandingItemInput(string? Title, string? Presenter);

public sealed class StandingItemInputValidator : AbstractValidator<StandingItemInput>
{
    public StandingItemInputValidator()
    {
        RuleFor(s => s.Title)
            .NotEmpty().WithMessage("Enter the title of the standing item")
            .MaximumLength(300).WithMessage("Title must be 300 characters or fewer");
        RuleFor(s => s.Presenter).MaximumLength(200).WithMessage("Presenter must be 200 characters or fewer");
        Include(new PlainTextRules<StandingItemInput>());
    }
}
