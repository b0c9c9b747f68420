using System.Text;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// The matters-arising log: owners and the clerk add updates; the clerk or chair closes. The report
/// for a meeting applies the carry-forward rules of <see cref="MattersArisingReport"/>.
/// </summary>
public sealed class MattersArisingService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock,
    MattersDataCache? cache = null)
{
    public const string CsvHeader = "Minute,Title,Meeting date,Matter arising,Owners,Status,Latest update,Updated at";
    /// <summary>How far back "recently closed" looks.</summary>
    public const int RecentlyClosedDays = 90;

    static readonly MatterUpdateInputValidator _updateValidator = new();
    static readonly CloseMatterInputValidator _closeValidator = new();

    public DateOnly Today => MeetingQueries.Today(clock);

    public async Task<string?> MyInitialsAsync(CancellationToken ct = default)
    {
        if (user.PersonId is not { } id) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await MyInitialsAsync(db, id, ct);
    }

    static Task<string?> MyInitialsAsync(TrackerDbContext db, int personId, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Initials).SingleOrDefaultAsync(ct);

    static async Task<List<MatterRow>> RowsAsync(IQueryable<MatterArising> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(m => new
            {
                m.Id, m.Version, m.MinuteNumber, m.Title, m.MeetingDate, m.MeetingId, m.ResolutionText, m.Owners, m.Status, m.ClosedOn, m.ClosingNote,
                DueDate = m.DueMeeting == null ? (DateOnly?)null : m.DueMeeting.Date,
                Latest = m.Updates.OrderByDescending(u => u.On).ThenByDescending(u => u.Id).Select(u => new UpdateSnapshot(u.Text, u.Author, u.On)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(m => new MatterRow(m.Id, m.Version, m.MinuteNumber, m.Title, m.MeetingDate, m.MeetingId, m.ResolutionText, m.Owners,
                m.Status, m.ClosedOn, m.ClosingNote, m.DueDate, m.Latest))
            .OrderBy(m => m.MeetingDate).ThenBy(m => MinuteNumber.TryParse(m.MinuteNumber, out var n) ? n : default).ThenBy(m => m.Id)
            .ToList();
    }

    /// <summary>Every matter, from the app-wide cache when there is one (there is in the app).</summary>
    Task<IReadOnlyList<MatterRow>> AllRowsAsync(CancellationToken ct) =>
        cache is null ? LoadAllRowsAsync(ct) : cache.GetAsync(LoadAllRowsAsync, ct);

    async Task<IReadOnlyList<MatterRow>> LoadAllRowsAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await RowsAsync(db.MattersArising, ct);
    }

    public async Task<MattersLog> LogAsync(MatterView? requested, CancellationToken ct = default)
    {
        var initials = await MyInitialsAsync(ct);
        var seesAll = user.CanEditEverything();
        var view = requested ?? (seesAll ? MatterView.Open : MatterView.Mine);
        // Owners are matched on initials in the action column ("AM/RV"), so the filter runs after loading:
        // the log holds tens of matters a year, not thousands.
        var all = await AllRowsAsync(ct);
        var today = Today;
        IEnumerable<MatterRow> shown = view switch
        {
            MatterView.Mine => all.Where(m => m.Status == MatterStatus.Open && ActionOwners.Names(m.Owners, initials)),
            MatterView.Open => all.Where(m => m.Status == MatterStatus.Open),
            MatterView.Overdue => all.Where(m => m.IsOverdue(today)),
            MatterView.RecentlyClosed => all.Where(m => m.Status == MatterStatus.Closed && m.ClosedOn >= today.AddDays(-RecentlyClosedDays)),
            _ => all,
        };
        return new MattersLog(view, shown.ToList(), initials, seesAll);
    }

    public async Task<MatterDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = (await RowsAsync(db.MattersArising.Where(m => m.Id == id), ct)).SingleOrDefault();
        if (row is null) return null;
        var updates = await db.MatterUpdates.AsNoTracking().Where(u => u.MatterArisingId == id).OrderBy(u => u.On).ThenBy(u => u.Id)
            .Select(u => new UpdateSnapshot(u.Text, u.Author, u.On)).ToListAsync(ct);
        var closedBy = await db.MattersArising.AsNoTracking().Where(m => m.Id == id).Select(m => m.ClosedBy).SingleAsync(ct);
        var initials = user.PersonId is { } pid ? await MyInitialsAsync(db, pid, ct) : null;
        var open = row.Status == MatterStatus.Open;
        return new MatterDetail(row, updates, closedBy,
            open && MayUpdate(row.Owners, initials),
            open && MayClose(row.Owners, initials),
            open && user.CanEditEverything());
    }

    /// <summary>Appends a dated update. Owners named in the action column and the clerk may.</summary>
    public async Task<SaveResult> AddUpdateAsync(int id, MatterUpdateInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var matter = await db.MattersArising.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null) return SaveResult.Missing();
        var errors = _updateValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var initials = user.PersonId is { } pid ? await MyInitialsAsync(db, pid, ct) : null;
        if (!MayUpdate(matter.Owners, initials))
            return SaveResult.Forbidden($"Only the owners of {matter.Label} ({matter.Owners}) or the clerk can add updates");
        if (matter.Status == MatterStatus.Closed) return SaveResult.Forbidden($"{matter.Label} is closed: it takes no more updates");
        // Every update moves the matter's version on (a second one the same day too), so a close
        // prepared before it is refused and shows it. Two updates at the same moment: the second is
        // refused as stale, with the first shown and its text kept.
        var result = await db.SaveVersionedAsync(matter, matter.Version, () => [], () =>
        {
            db.MatterUpdates.Add(matter.AddUpdate(input.Text!, user.DisplayName, Today, clock.GetUtcNow()));
            return null;
        }, ct);
        if (result.Conflict is not { } conflict) return result;
        // Show the update that got in first, read afresh: this context holds only our own.
        await using var fresh = await dbs.CreateDbContextAsync(ct);
        var saved = await fresh.MattersArising.AsNoTracking().Include(m => m.Updates).SingleAsync(m => m.Id == id, ct);
        return SaveResult.Stale(conflict with { Current = Values(saved) });
    }

    // The clerk updates any matter; an owner named in the action column updates theirs, unless their
    // role is Member, which reads everything and edits nothing.
    bool MayUpdate(string owners, string? initials) =>
        user.IsAdministrator()
        || (ActionOwners.Names(owners, initials) && (user.IsInRole(Tracker.Domain.People.TrackerRoles.Lead) || user.IsChair()));

    // The clerk or the chair closes any matter; a lead closes a matter they own (issue 12), in place.
    bool MayClose(string owners, string? initials) =>
        user.CanEditEverything() || (ActionOwners.Names(owners, initials) && user.IsInRole(Tracker.Domain.People.TrackerRoles.Lead));

    /// <summary>Closes a matter with a note. The clerk, the chair, or a lead who owns the matter may.</summary>
    public async Task<SaveResult> CloseAsync(int id, int loadedVersion, CloseMatterInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var matter = await db.MattersArising.Include(m => m.Updates).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (!user.CanEditEverything())
        {
            var initials = user.PersonId is { } pid ? await MyInitialsAsync(db, pid, ct) : null;
            if (matter is null || !MayClose(matter.Owners, initials))
                return SaveResult.Forbidden(matter is null
                    ? "Only the clerk, the chair or the matter's owners can close a matter arising"
                    : $"Only the owners of {matter.Label} ({matter.Owners}), the clerk or the chair can close it");
        }
        if (matter is null) return SaveResult.Missing();
        var errors = _closeValidator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        return await db.SaveVersionedAsync(matter, loadedVersion, () => Values(matter), () =>
        {
            if (!matter.TryClose(input.Note!, user.DisplayName, Today)) return SaveResult.Invalid("", $"{matter.Label} is already closed");
            return null;
        }, ct);
    }

    /// <summary>Future meetings of the matter's group it may be due by, and the one set now.</summary>
    public async Task<(IReadOnlyList<MeetingRow> Meetings, int? Current)> DueOptionsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var matter = await db.MattersArising.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.GroupId, m.DueMeetingId }).SingleOrDefaultAsync(ct);
        if (matter is null) return ([], null);
        var today = Today;
        var options = await db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == matter.GroupId && (m.Date >= today || m.Id == matter.DueMeetingId))
            .OrderBy(m => m.Date)
            .Select(m => new MeetingRow(m.Id, m.GroupId, m.Group!.ShortName, m.Date, m.StartTime, m.Venue, m.Status, 0))
            .ToListAsync(ct);
        return (options, matter.DueMeetingId);
    }

    /// <summary>Sets or clears the meeting by which a matter is due. The clerk or the chair may; only a future meeting of the group.</summary>
    public async Task<SaveResult> SetDueAsync(int id, int loadedVersion, int? dueMeetingId, CancellationToken ct = default)
    {
        if (!user.CanEditEverything()) return SaveResult.Forbidden("Only the clerk or the chair can set when a matter arising is due");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var matter = await db.MattersArising.Include(m => m.Updates).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null) return SaveResult.Missing();
        Meeting? due = null;
        if (dueMeetingId is { } meetingId)
        {
            due = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.GroupId == matter.GroupId, ct);
            // Keeping the meeting already set is allowed even once it has passed; choosing a past one is not.
            if (due is null || (due.Date < Today && due.Id != matter.DueMeetingId))
                return SaveResult.Invalid("DueMeetingId", "Select a future meeting of the group");
        }
        return await db.SaveVersionedAsync(matter, loadedVersion, () => Values(matter), () =>
        {
            if (!matter.TrySetDue(due)) return SaveResult.Invalid("DueMeetingId", "Select a future meeting of the group");
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> Values(MatterArising m)
    {
        var latest = m.Updates.OrderBy(u => u.On).ThenBy(u => u.Id).LastOrDefault();
        return
        [
            new("Status", "Status", m.Status.ToString()),
            new("LatestUpdate", "Latest update", latest is null ? null : $"{latest.Text} ({latest.Author}, {UkDates.Long(latest.On)})"),
            new(nameof(CloseMatterInput.Note), "Closing note", m.ClosingNote),
        ];
    }

    /// <summary>Appendix A for a meeting as at its papers deadline: open matters carried forward plus those closed since the previous meeting.</summary>
    public async Task<MattersReportModel?> ReportAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await MeetingQueries.HeaderAsync(db, meetingId, ct);
        if (meeting is null) return null;
        var previous = await db.Meetings.AsNoTracking().Where(m => m.GroupId == meeting.GroupId && m.Date < meeting.Date)
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
        var matters = await db.MattersArising.AsNoTracking()
            .Where(m => m.GroupId == meeting.GroupId && m.MeetingDate < meeting.Date)
            .Where(m => m.Status == MatterStatus.Open || m.ClosedOn == null || previous == null || m.ClosedOn > previous)
            .Select(m => new
            {
                m.Id, m.MinuteNumber, m.Title, m.MeetingDate, m.ResolutionText, m.Owners, m.Status, m.ClosedOn, m.ClosingNote,
                Updates = m.Updates.Select(u => new UpdateSnapshot(u.Text, u.Author, u.On)).ToList(),
            })
            .ToListAsync(ct);
        var snapshots = matters.Select(m => new MatterSnapshot(m.Id, m.MinuteNumber, m.Title, m.MeetingDate, m.ResolutionText, m.Owners,
            m.Status, m.ClosedOn, m.ClosingNote, m.Updates));
        // The paper as it stood at the papers deadline: what the Group read before the meeting.
        return new MattersReportModel(meeting, previous, MattersArisingReport.For(meeting.Date, previous, snapshots, meeting.PapersAsAt));
    }

    /// <summary>
    /// The log as CSV: every matter, or the lines of one meeting's report. Cells that a spreadsheet
    /// would read as a formula are prefixed with an apostrophe.
    /// </summary>
    public async Task<string> ExportCsvAsync(int? meetingId, CancellationToken ct = default)
    {
        var csv = new StringBuilder().Append(CsvHeader).Append("\r\n");
        if (meetingId is { } id)
        {
            var report = await ReportAsync(id, ct);
            foreach (var line in report?.Rows.SelectMany(r => r.Lines) ?? [])
            {
                var m = line.Matter;
                AppendRow(csv, m.MinuteNumber, m.Title, m.MeetingDate, m.ResolutionText, m.Owners, line.Closed ? "Closed" : "Open", line.LatestUpdate);
            }
            return csv.ToString();
        }
        foreach (var m in await AllRowsAsync(ct))
            AppendRow(csv, m.MinuteNumber, m.Title, m.MeetingDate, m.ResolutionText, m.Owners, m.Status.ToString(), m.LatestUpdate);
        return csv.ToString();
    }

    static void AppendRow(StringBuilder csv, string minute, string title, DateOnly date, string text, string owners, string status, UpdateSnapshot? latest)
    {
        string[] cells = [minute, title, UkDates.Short(date), text, owners, status, latest?.Text ?? "", latest is null ? "" : UkDates.Short(latest.On)];
        CsvCells.AppendRow(csv, cells);
    }

    public async Task<MattersPanelModel> PanelAsync(CancellationToken ct = default)
    {
        var initials = await MyInitialsAsync(ct);
        var all = await AllRowsAsync(ct);
        var today = Today;
        var mine = all.Where(m => m.Status == MatterStatus.Open && ActionOwners.Names(m.Owners, initials)).ToList();
        if (!user.CanEditEverything()) return new MattersPanelModel(initials, mine, null, null, null);
        return new MattersPanelModel(initials, mine,
            all.Count(m => m.Status == MatterStatus.Open),
            all.Count(m => m.IsOverdue(today)),
            all.Count(m => m.Status == MatterStatus.Closed && m.ClosedOn >= today.AddDays(-RecentlyClosedDays)));
    }
}
