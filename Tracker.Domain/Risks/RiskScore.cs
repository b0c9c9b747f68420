namespace Tracker.Domain.Risks;

/// <summary>Likelihood × severity on the partnership's matrix (default 5 × 5).</summary>
public readonly record struct RiskScore(int Likelihood, int Severity)
{
    public int Score => Likelihood * Severity;

    /// <summary>A score from two optional halves: none unless both are set (the Risk Log leaves net and target blank).</summary>
    public static RiskScore? From(int? likelihood, int? severity) =>
        likelihood is { } l && severity is { } s ? new RiskScore(l, s) : null;

    public bool FitsMatrix(int size) => Likelihood >= 1 && Likelihood <= size && Severity >= 1 && Severity <= size;

    /// <summary>"4 × 4 = 16"</summary>
    public override string ToString() => $"{Likelihood} × {Severity} = {Score}";
}

/// <summary>The four score bands; their boundaries are configuration (see <see cref="RiskSettings"/>).</summary>
public enum RiskBand
{
    Low,
    Medium,
    High,
    VeryHigh,
}

public static class RiskBands
{
    public static string Label(this RiskBand band) => band switch
    {
        RiskBand.Low => "Low",
        RiskBand.Medium => "Medium",
        RiskBand.High => "High",
        _ => "Very high",
    };

    /// <summary>The query-string and CSS form: "low", "medium", "high", "very-high".</summary>
    public static string Slug(this RiskBand band) => band switch
    {
        RiskBand.Low => "low",
        RiskBand.Medium => "medium",
        RiskBand.High => "high",
        _ => "very-high",
    };

    public static RiskBand? FromSlug(string? slug) =>
        Enum.GetValues<RiskBand>().Cast<RiskBand?>().FirstOrDefault(b => string.Equals(b!.Value.Slug(), slug, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How much risk the partnership will tolerate in a category, from least to most.</summary>
public enum RiskAppetite
{
    Averse,
    Minimal,
    Cautious,
    Open,
    Eager,
}

/// <summary>Which of the three assessments a view or filter is about.</summary>
public enum ScoreKind
{
    Gross,
    Net,
    Target,
}
