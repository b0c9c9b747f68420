using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.App.Features.Meetings;

/// <summary>Sub-group reports to a Strategic Group meeting: filed by the sub-group's lead or the clerk, read by all.</summary>
public sealed class SubGroupReportService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    static readonly SubGroupReportInputValidator _validator = new();

    public async Task<SubGroupReportSlot?> GetSubGroupReportAsync(int meetingId, int subGroupId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var header = await MeetingQueries.HeaderAsync(db, meetingId, ct);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == subGroupId && g.Kind == GroupKind.SubGroup)
            .Select(g => new { g.ShortName, Leads = g.Members.Where(m => m.IsLead).Select(m => m.PersonId).ToList() })
            .SingleOrDefaultAsync(ct);
        if (header is null || group is null) return null;
        var report = await db.SubGroupReports.AsNoTracking().Where(r => r.MeetingId == meetingId && r.SubGroupId == subGroupId)
            .Select(r => new { View = new SubGroupReportView(r.Id, r.SubGroupId, group.ShortName, r.DateFiled, r.LastStrategicGroup, r.Author,
                r.OperationalUpdate, r.StrategicGroupUpdate, r.ActionPlanUpdate, r.ActionForPartnership, r.IsLate), r.Version })
            .SingleOrDefaultAsync(ct);
        var last = await MeetingQueries.LastMeetingBeforeAsync(db, header.GroupId, header.Date, ct);
        var canFile = header.Status < MeetingStatus.Held
                      && (user.IsAdministrator() || (user.PersonId is { } pid && group.Leads.Contains(pid)));
        return new SubGroupReportSlot(header, group.ShortName, report?.View, report?.Version ?? 0, last, canFile);
    }

    /// <summary>Files (or refiles) a sub-group's report for a meeting. Only the sub-group's lead, or the clerk, may.</summary>
    public async Task<SaveResult> FileSubGroupReportAsync(int meetingId, int subGroupId, int loadedVersion, SubGroupReportInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var group = await db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == subGroupId && g.Kind == GroupKind.SubGroup, ct);
        if (meeting is null || group is null) return SaveResult.Missing();
        var isLead = user.PersonId is { } pid && group.LeadPersonIds.Contains(pid);
        if (!isLead && !user.IsAdministrator()) return SaveResult.Forbidden($"Only the lead of the {group.ShortName} sub-group can file its report");
        if (meeting.Status >= MeetingStatus.Held) return SaveResult.Forbidden("This meeting has been held: its papers can no longer change");
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var today = MeetingQueries.Today(clock);
        var report = await db.SubGroupReports.SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.SubGroupId == subGroupId, ct);
        var last = await MeetingQueries.LastMeetingBeforeAsync(db, meeting.GroupId, meeting.Date, ct);
        if (report is null)
        {
            report = new SubGroupReport { Meeting = meeting, MeetingId = meeting.Id, SubGroupId = group.Id, Author = user.DisplayName };
            report.File(input, user.DisplayName, today, meeting.PapersDeadline, last);
            db.SubGroupReports.Add(report);
            var first = await db.SaveNewAsync(() => SaveResult.Saved(report.Id, report.Version), ct);
            if (first.Succeeded) return first;
            // Someone filed the first report at the same moment: theirs stands, shown as a stale save.
            await using var fresh = await dbs.CreateDbContextAsync(ct);
            var filed = await fresh.SubGroupReports.AsNoTracking().SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.SubGroupId == subGroupId, ct);
            return filed is null ? first : SaveResult.Stale(new Conflict(filed.UpdatedBy, filed.UpdatedAt, filed.Version, Values(filed)));
        }
        return await db.SaveVersionedAsync(report, loadedVersion, () => Values(report), () =>
        {
            report.File(input, user.DisplayName, today, meeting.PapersDeadline, last);
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> Values(SubGroupReport r) =>
    [
        new(nameof(SubGroupReportInput.OperationalUpdate), "Operational update", r.OperationalUpdate),
        new(nameof(SubGroupReportInput.StrategicGroupUpdate), "Strategic Group update", r.StrategicGroupUpdate),
        new(nameof(SubGroupReportInput.ActionPlanUpdate), "Action plan update", r.ActionPlanUpdate),
        new(nameof(SubGroupReportInput.ActionForPartnership), "Action for the Safer Bromley Partnership", r.ActionForPartnership),
    ];
}
