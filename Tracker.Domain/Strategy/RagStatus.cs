namespace Tracker.Domain.Strategy;

/// <summary>
/// The partnership's BRAG scale. "Not updated" is not a rating: it is the absence of an update for
/// the quarter, so it is modelled as a null <c>RagStatus?</c>, never as a member here.
/// </summary>
public enum RagStatus
{
    Green = 1,
    Amber = 2,
    Red = 3,
    Blue = 4,
}

public static class Rag
{
    public const string NotUpdated = "Not updated";

    public static readonly IReadOnlyList<RagStatus> All = [RagStatus.Green, RagStatus.Amber, RagStatus.Red, RagStatus.Blue];

    /// <summary>The default definitions; the partnership can edit its own (see <see cref="RagDefinition"/>).</summary>
    public static readonly IReadOnlyDictionary<RagStatus, string> DefaultDefinitions = new Dictionary<RagStatus, string>
    {
        [RagStatus.Green] = "On track to deliver by the target date",
        [RagStatus.Amber] = "At risk: slipping but recoverable",
        [RagStatus.Red] = "Off track: needs Strategic Group intervention",
        [RagStatus.Blue] = "Complete",
    };

    public static string Word(RagStatus? rag) => rag?.ToString() ?? NotUpdated;

    /// <summary>How bad a rating is for roll-up: Red is worst; Blue (complete) is the least concern.</summary>
    public static int Severity(RagStatus rag) => rag switch
    {
        RagStatus.Red => 3,
        RagStatus.Amber => 2,
        RagStatus.Green => 1,
        _ => 0,
    };

    public static bool TryParse(string? text, out RagStatus rag) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out rag) && Enum.IsDefined(rag);
}

/// <summary>The partnership's own wording of one RAG rating, shown as the hint on the update form.</summary>
public sealed class RagDefinition : Common.Entity
{
    public RagStatus Status { get; set; }
    public required string Definition { get; set; }
}
