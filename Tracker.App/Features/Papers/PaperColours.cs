using Tracker.Domain.Risks;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Papers;

/// <summary>The fills the partnership's papers use: the RAG cells of 004 and the bands of the Risk Log.</summary>
public static class PaperColours
{
    public const string Green = "92D050";
    public const string Amber = "FFC000";
    public const string Red = "FF0000";
    public const string Blue = "00B0F0";
    public const string Yellow = "FFFF00";
    public const string NotUpdated = "D9D9D9";

    public static string Rag(RagStatus? rag) => rag switch
    {
        RagStatus.Green => Green,
        RagStatus.Amber => Amber,
        RagStatus.Red => Red,
        RagStatus.Blue => Blue,
        _ => NotUpdated,
    };

    public static string Band(RiskBand band) => band switch
    {
        RiskBand.Low => Green,
        RiskBand.Medium => Yellow,
        RiskBand.High => Amber,
        _ => Red,
    };

    public static string FurtherAction(FurtherActionRag? rag) => rag switch
    {
        FurtherActionRag.Green => Green,
        FurtherActionRag.Amber => Amber,
        FurtherActionRag.Red => Red,
        FurtherActionRag.Blue => Blue,
        _ => NotUpdated,
    };

    public static readonly string[] All = [Green, Amber, Red, Blue, Yellow, NotUpdated];
}
