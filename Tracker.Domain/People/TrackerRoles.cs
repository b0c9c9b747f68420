namespace Tracker.Domain.People;

/// <summary>The four roles of the tracker. There is no anonymous access.</summary>
public static class TrackerRoles
{
    /// <summary>Community safety team and clerk: runs meetings, manages users and reference data.</summary>
    public const string Administrator = "Administrator";
    /// <summary>Chair or vice-chair: reviews, signs off quarters, agrees changes.</summary>
    public const string Chair = "Chair";
    /// <summary>Sub-group lead or action owner: edits what they or their group own.</summary>
    public const string Lead = "Lead";
    /// <summary>Reads everything, edits nothing.</summary>
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> All = [Administrator, Chair, Lead, Member];
}
