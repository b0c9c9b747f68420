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
    public static Direction Since(IEnumerable<RiskAssessment> assessments, DateOnly since) =>
        Since(assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.Id).Select(a => (a.AssessedOn, a.Current.Score)).ToList(), since);

    /// <summary>The same comparison over dated current scores already in the order they were made (read models hold these).</summary>
    public static Direction Since(IReadOnlyList<(DateOnly On, int CurrentScore)> chronological, DateOnly since)
    {
        if (chronological.Count == 0) return Direction.New;
        var then = chronological.LastOrDefault(a => a.On <= since);
        if (then == default) return Direction.New;
        var now = chronological[^1].CurrentScore;
        var before = then.CurrentScore;
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
