namespace Tracker.Domain.Common;

/// <summary>How a paper is marked: the partnership's three classifications (000 minute 74: a plan circulated as confidential).</summary>
public enum Classification
{
    Public,
    Official,
    OfficialSensitive,
}

public static class ClassificationText
{
    /// <summary>"Public", "OFFICIAL", "OFFICIAL-SENSITIVE", as the marking is printed.</summary>
    public static string Label(this Classification classification) => classification switch
    {
        Classification.Official => "OFFICIAL",
        Classification.OfficialSensitive => "OFFICIAL-SENSITIVE",
        _ => "Public",
    };

    /// <summary>Reads "Public", "OFFICIAL", "official-sensitive", "OfficialSensitive".</summary>
    public static bool TryParse(string? text, out Classification classification)
    {
        var normalised = (text ?? "").Replace("-", "").Replace("_", "").Replace(" ", "").Trim();
        classification = default;
        return normalised.Length > 0 && !normalised.All(char.IsDigit)
               && Enum.TryParse(normalised, ignoreCase: true, out classification) && Enum.IsDefined(classification);
    }
}
