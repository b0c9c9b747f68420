namespace Tracker.Domain.Risks;

/// <summary>How a risk's current score moved since a date (usually the previous Strategic Group meeting).</summary>
public enum Direction
{
    /// <summary>The risk was not on the register at that date.</summary>
    New,
    Worse,
    Better,
    Unchanged,
}

public static class DirectionOfTravel
{
    /// <summary>
    /// Compares the current score (net once assessed, otherwise gross) with the snapshot in force at
    /// the end of <paramref name="since"/>. Higher is worse.
    /// </summary>
    public static Direction Since(IEnumerable<RiskAssessment> assessments, DateOnly since)
    {
        var ordered = assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.Id).ToList();
        if (ordered.Count == 0) return Direction.New;
        var then = ordered.LastOrDefault(a => a.AssessedOn <= since);
        if (then is null) return Direction.New;
        var now = ordered[^1].Current.Score;
        var before = then.Current.Score;
        return now > before ? Direction.Worse : now < before ? Direction.Better : Direction.Unchanged;
    }

    public static string Word(this Direction direction) => direction switch
    {
        Direction.Worse => "Worse",
        Direction.Better => "Better",
        Direction.Unchanged => "Unchanged",
        _ => "New",
    };

    /// <summary>An arrow that reinforces the word; never shown alone.</summary>
    public static string Symbol(this Direction direction) => direction switch
    {
        Direction.Worse => "▲",
        Direction.Better => "▼",
        Direction.Unchanged => "◆",
        _ => "★",
    };
}
