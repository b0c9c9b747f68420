using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Risks;

/// <summary>
/// The risk matrix and appetite, held in the database as one row an administrator edits, so the
/// partnership can change its bands without a release. Defaults follow the partnership's 5 × 5
/// matrix: Low 1–4, Medium 5–10, High 12–16, Very high 20–25.
/// </summary>
public sealed class RiskSettings : Entity
{
    public const int SingletonId = 1;

    public int MatrixSize { get; set; } = 5;
    /// <summary>The highest score in each band; anything above <see cref="HighMax"/> is Very high.</summary>
    public int LowMax { get; set; } = 4;
    public int MediumMax { get; set; } = 10;
    public int HighMax { get; set; } = 16;

    /// <summary>The highest net score tolerated at each appetite level.</summary>
    public int AverseMax { get; set; } = 4;
    public int MinimalMax { get; set; } = 8;
    public int CautiousMax { get; set; } = 12;
    public int OpenMax { get; set; } = 16;
    public int EagerMax { get; set; } = 25;

    public int MaxScore => MatrixSize * MatrixSize;

    public RiskBand BandOf(int score) =>
        score <= LowMax ? RiskBand.Low : score <= MediumMax ? RiskBand.Medium : score <= HighMax ? RiskBand.High : RiskBand.VeryHigh;

    public int MaxTolerable(RiskAppetite appetite) => appetite switch
    {
        RiskAppetite.Averse => AverseMax,
        RiskAppetite.Minimal => MinimalMax,
        RiskAppetite.Cautious => CautiousMax,
        RiskAppetite.Open => OpenMax,
        _ => EagerMax,
    };

    /// <summary>
    /// The highest score tolerated for a risk in these categories: the most averse category sets it,
    /// since a risk that touches legal duties is not made tolerable by also being economic.
    /// </summary>
    public int ToleranceFor(IEnumerable<string> categoryCodes, IReadOnlyDictionary<string, RiskAppetite> appetites) =>
        categoryCodes.Select(c => appetites.TryGetValue(c, out var a) ? MaxTolerable(a) : MaxScore).DefaultIfEmpty(MaxScore).Min();

    /// <summary>Whether a score is above the appetite of the risk's categories.</summary>
    public bool IsAboveAppetite(int score, IEnumerable<string> categoryCodes, IReadOnlyDictionary<string, RiskAppetite> appetites) =>
        score > ToleranceFor(categoryCodes, appetites);

    /// <summary>"Low 1–4", with the band's range on this matrix.</summary>
    public string Range(RiskBand band) => band switch
    {
        RiskBand.Low => $"1–{LowMax}",
        RiskBand.Medium => $"{LowMax + 1}–{MediumMax}",
        RiskBand.High => $"{MediumMax + 1}–{HighMax}",
        _ => $"{HighMax + 1}–{MaxScore}",
    };

    public void Update(RiskSettingsInput input)
    {
        MatrixSize = input.MatrixSize!.Value;
        LowMax = input.LowMax!.Value;
        MediumMax = input.MediumMax!.Value;
        HighMax = input.HighMax!.Value;
        AverseMax = input.AverseMax!.Value;
        MinimalMax = input.MinimalMax!.Value;
        CautiousMax = input.CautiousMax!.Value;
        OpenMax = input.OpenMax!.Value;
        EagerMax = input.EagerMax!.Value;
    }

    public RiskSettingsInput ToInput() =>
        new(MatrixSize, LowMax, MediumMax, HighMax, AverseMax, MinimalMax, CautiousMax, OpenMax, EagerMax);
}

/// <summary>What an administrator types to change the matrix and appetite.</summary>
public sealed record RiskSettingsInput(
    int? MatrixSize, int? LowMax, int? MediumMax, int? HighMax,
    int? AverseMax, int? MinimalMax, int? CautiousMax, int? OpenMax, int? EagerMax);

public sealed class RiskSettingsInputValidator : AbstractValidator<RiskSettingsInput>
{
    public RiskSettingsInputValidator()
    {
        RuleFor(s => s.MatrixSize)
            .NotNull().WithMessage("Enter the matrix size")
            .InclusiveBetween(3, 10).WithMessage("Matrix size must be between 3 and 10");
        RuleFor(s => s.LowMax).NotNull().WithMessage("Enter the highest Low score")
            .GreaterThanOrEqualTo(1).WithMessage("The highest Low score must be 1 or more");
        RuleFor(s => s.MediumMax).NotNull().WithMessage("Enter the highest Medium score")
            .GreaterThan(s => s.LowMax).When(s => s.LowMax is not null).WithMessage("The highest Medium score must be higher than the highest Low score");
        RuleFor(s => s.HighMax).NotNull().WithMessage("Enter the highest High score")
            .GreaterThan(s => s.MediumMax).When(s => s.MediumMax is not null).WithMessage("The highest High score must be higher than the highest Medium score")
            .LessThan(s => s.MatrixSize * s.MatrixSize).When(s => s.MatrixSize is not null)
            .WithMessage(s => $"The highest High score must be lower than the largest score on the matrix ({s.MatrixSize * s.MatrixSize}), so Very high can be reached");
        Appetite(s => s.AverseMax, "Averse");
        Appetite(s => s.MinimalMax, "Minimal");
        Appetite(s => s.CautiousMax, "Cautious");
        Appetite(s => s.OpenMax, "Open");
        Appetite(s => s.EagerMax, "Eager");
        RuleFor(s => s).Must(s => Ascending(s.AverseMax, s.MinimalMax, s.CautiousMax, s.OpenMax, s.EagerMax))
            .WithName(nameof(RiskSettingsInput.MinimalMax)).OverridePropertyName(nameof(RiskSettingsInput.MinimalMax))
            .WithMessage("Appetite scores must not go down from Averse to Eager");
    }

    void Appetite(System.Linq.Expressions.Expression<Func<RiskSettingsInput, int?>> field, string name) =>
        RuleFor(field)
            .NotNull().WithMessage($"Enter the highest tolerable score for {name}")
            .Must((s, v) => v is null || (v >= 1 && v <= (s.MatrixSize ?? 5) * (s.MatrixSize ?? 5)))
            .WithMessage(s => $"The highest tolerable score for {name} must be between 1 and {(s.MatrixSize ?? 5) * (s.MatrixSize ?? 5)}");

    static bool Ascending(params int?[] values)
    {
        if (values.Any(v => v is null)) return true;
        for (var i = 1; i < values.Length; i++)
            if (values[i] < values[i - 1]) return false;
        return true;
    }
}

/// <summary>
/// A risk category of the Risk Log (P, E, S, T, L, C). The codes are fixed by the register; their
/// labels and the partnership's appetite for each are set by an administrator.
/// </summary>
public sealed class RiskCategory : Entity
{
    public static readonly IReadOnlyList<string> Codes = ["P", "E", "S", "T", "L", "C"];

    public required string Code { get; set; }
    public required string Label { get; set; }
    public RiskAppetite Appetite { get; set; } = RiskAppetite.Cautious;

    public static IEnumerable<RiskCategory> Defaults() =>
    [
        new() { Code = "P", Label = "Political", Appetite = RiskAppetite.Cautious },
        new() { Code = "E", Label = "Economic", Appetite = RiskAppetite.Open },
        new() { Code = "S", Label = "Social", Appetite = RiskAppetite.Cautious },
        new() { Code = "T", Label = "Technological", Appetite = RiskAppetite.Open },
        new() { Code = "L", Label = "Legal", Appetite = RiskAppetite.Minimal },
        new() { Code = "C", Label = "Community", Appetite = RiskAppetite.Cautious },
    ];
}
