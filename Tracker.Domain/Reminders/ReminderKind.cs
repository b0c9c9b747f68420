namespace Tracker.Domain.Reminders;

/// <summary>The reminders the tracker sends. Each person may turn any of them off (all are on by default).</summary>
public enum ReminderKind
{
    /// <summary>To a lead: actions still to update for the quarter under review, before the papers deadline.</summary>
    ActionUpdates = 1,
    /// <summary>To a risk's owning group's leads: the review is due within 14 days or overdue.</summary>
    RiskReviews = 2,
    /// <summary>To the owners of open matters arising due by the next meeting.</summary>
    MattersArising = 3,
    /// <summary>To a sub-group's lead: the sub-group's report for the next meeting is not filed.</summary>
    SubGroupReport = 4,
    /// <summary>To the chair and the clerk: the weekly digest.</summary>
    WeeklyDigest = 5,
}

public static class ReminderKinds
{
    public static readonly IReadOnlyList<ReminderKind> All = Enum.GetValues<ReminderKind>();

    /// <summary>How the profile page and the emails name the reminder.</summary>
    public static string Title(this ReminderKind kind) => kind switch
    {
        ReminderKind.ActionUpdates => "Action updates due before the papers deadline",
        ReminderKind.RiskReviews => "Risk reviews due or overdue",
        ReminderKind.MattersArising => "Matters arising due by the next meeting",
        ReminderKind.SubGroupReport => "Sub-group reports not yet filed",
        ReminderKind.WeeklyDigest => "Weekly digest for the chair and the clerk",
        _ => kind.ToString(),
    };

    /// <summary>Who gets it and when, for the profile page.</summary>
    public static string Description(this ReminderKind kind) => kind switch
    {
        ReminderKind.ActionUpdates => "Sent to leads 7 and 2 days before the papers deadline, listing the actions still to update. Nothing is sent once all are updated.",
        ReminderKind.RiskReviews => "Sent to the leads of a risk's owning group when its review is due within 14 days, and again if it becomes overdue.",
        ReminderKind.MattersArising => "Sent to the owners of open matters arising before the papers deadline of the meeting they are due by.",
        ReminderKind.SubGroupReport => "Sent to a sub-group's lead before the papers deadline when the sub-group's report is not filed.",
        ReminderKind.WeeklyDigest => "Sent weekly to the chair and the clerk: completeness, risks above appetite or overdue, matters overdue, what changed.",
        _ => "",
    };

    /// <summary>Lower-case words for sentences: "You will no longer get risk review reminders."</summary>
    public static string Noun(this ReminderKind kind) => kind switch
    {
        ReminderKind.ActionUpdates => "action update reminders",
        ReminderKind.RiskReviews => "risk review reminders",
        ReminderKind.MattersArising => "matters arising reminders",
        ReminderKind.SubGroupReport => "sub-group report reminders",
        ReminderKind.WeeklyDigest => "the weekly digest",
        _ => kind.ToString(),
    };
}
