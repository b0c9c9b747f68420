using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

public sealed record MatterRow(int Id, int Version, string MinuteNumber, string Title, DateOnly MeetingDate, int MeetingId, string ResolutionText,
    string Owners, MatterStatus Status, DateOnly? ClosedOn, string? ClosingNote, DateOnly? DueDate, UpdateSnapshot? LatestUpdate)
{
    public bool IsOverdue(DateOnly today) => Status == MatterStatus.Open && DueDate is { } due && due < today;
    public string Label => $"Matter {MinuteNumber}";
}

public sealed record MatterDetail(MatterRow Matter, IReadOnlyList<UpdateSnapshot> Updates, string? ClosedBy, bool CanUpdate, bool CanClose, bool CanSetDue);

/// <summary>Which matters the log shows; the clerk's views cover everyone's, an owner's only theirs.</summary>
public enum MatterView
{
    Mine,
    Open,
    Overdue,
    RecentlyClosed,
    All,
}

public sealed record MattersLog(MatterView View, IReadOnlyList<MatterRow> Matters, string? MyInitials, bool SeesAll);
public sealed record MattersReportModel(MeetingHeader Meeting, DateOnly? PreviousMeetingDate, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>The day the report stands at: the papers deadline.</summary>
    public DateOnly AsAt => Meeting.PapersAsAt;
}
public sealed record MattersPanelModel(string? Initials, IReadOnlyList<MatterRow> Mine, int? OpenCount, int? OverdueCount, int? RecentlyClosedCount);
