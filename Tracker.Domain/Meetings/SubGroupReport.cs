using Tracker.Domain.Common;
using Tracker.Domain.People;

namespace Tracker.Domain.Meetings;

/// <summary>
/// A sub-group's report to a Strategic Group meeting in the standard template the partnership agreed
/// in 2016 (minute 108e): date filed, date of last Strategic Group, author and four sections.
/// </summary>
public sealed class SubGroupReport : Entity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int SubGroupId { get; set; }
    public Group? SubGroup { get; set; }
    public DateOnly DateFiled { get; set; }
    public DateOnly? LastStrategicGroup { get; set; }
    public required string Author { get; set; }
    public string OperationalUpdate { get; set; } = "";
    public string StrategicGroupUpdate { get; set; } = "";
    public string ActionPlanUpdate { get; set; } = "";
    public string ActionForPartnership { get; set; } = "";
    /// <summary>Filed after the meeting's papers deadline.</summary>
    public bool IsLate { get; set; }

    public void File(SubGroupReportInput input, string author, DateOnly filed, DateOnly papersDeadline, DateOnly? lastStrategicGroup)
    {
        Author = author;
        DateFiled = filed;
        LastStrategicGroup = lastStrategicGroup;
        OperationalUpdate = input.OperationalUpdate?.Trim() ?? "";
        StrategicGroupUpdate = input.StrategicGroupUpdate?.Trim() ?? "";
        ActionPlanUpdate = input.ActionPlanUpdate?.Trim() ?? "";
        ActionForPartnership = input.ActionForPartnership?.Trim() ?? "";
        IsLate = filed > papersDeadline;
    }
}
