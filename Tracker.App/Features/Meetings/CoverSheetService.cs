using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>A paper's cover sheet as it will print: the clerk's entries, blanks filled from the partnership's defaults.</summary>
public sealed record CoverSheetView(
    int MeetingId, string Paper, int Version, bool IsSaved, string ReportNumber, string ContactOfficer, string ContactTelephone,
    string ContactEmail, string ChiefOfficer, string DecisionType, string Ward, string Reason, string Recommendation,
    Classification Classification);

/// <summary>The cover sheets of a meeting's papers: read by all signed-in users, written by the clerk.</summary>
public sealed class CoverSheetService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, IOptions<PaperSettings> settings)
{
    static readonly CoverSheetInputValidator _validator = new();

    PaperSettings Defaults => settings.Value;

    /// <summary>The paper's own reason and recommendation when the clerk has entered none.</summary>
    public static (string Reason, string Recommendation) StandardWording(string paper) => paper switch
    {
        CoverSheetPapers.MattersArising => ("Appendix A updates Group members on matters arising from previous meetings.",
            "The Group is asked to review progress on matters arising from previous meetings."),
        CoverSheetPapers.ProgressReport => ("The report sets out progress against the priorities of the Safer Bromley Partnership Strategy for the quarter.",
            "The Group is asked to note progress and agree any action on objectives rated Red or Amber."),
        _ => ("The risk register sets out the risks to the partnership's objectives and their mitigation.",
            "The Group is asked to review the risk register and agree any changes."),
    };

    /// <summary>Null when the meeting does not exist or the paper has no cover sheet.</summary>
    public async Task<CoverSheetView?> GetAsync(int meetingId, string paper, CancellationToken ct = default)
    {
        if (!CoverSheetPapers.All.Contains(paper)) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct)) return null;
        var saved = await db.CoverSheets.AsNoTracking().SingleOrDefaultAsync(c => c.MeetingId == meetingId && c.Paper == paper, ct);
        var (reason, recommendation) = StandardWording(paper);
        string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
        return new CoverSheetView(meetingId, paper, saved?.Version ?? 0, saved is not null,
            saved?.ReportNumber ?? "",
            Or(saved?.ContactOfficer, Defaults.ContactOfficer),
            Or(saved?.ContactTelephone, Defaults.ContactTelephone),
            Or(saved?.ContactEmail, Defaults.ContactEmail),
            Or(saved?.ChiefOfficer, Defaults.ChiefOfficer),
            Or(saved?.DecisionType, Defaults.DecisionType),
            Or(saved?.Ward, Defaults.Ward),
            Or(saved?.Reason, reason),
            Or(saved?.Recommendation, recommendation),
            saved?.Classification ?? Defaults.DefaultClassification);
    }

    /// <summary>The form's starting values: what is saved, or the defaults for a new cover sheet.</summary>
    public async Task<(int Version, CoverSheetInput Input)?> GetForEditAsync(int meetingId, string paper, CancellationToken ct = default)
    {
        if (await GetAsync(meetingId, paper, ct) is not { } v) return null;
        return (v.Version, new CoverSheetInput(v.ReportNumber, v.ContactOfficer, v.ContactTelephone, v.ContactEmail, v.ChiefOfficer,
            v.DecisionType, v.Ward, v.Reason, v.Recommendation, v.Classification.Label()));
    }

    /// <summary>Saves the clerk's cover sheet for a paper to a meeting; only the clerk (an administrator) may.</summary>
    public async Task<SaveResult> SaveAsync(int meetingId, string paper, int loadedVersion, CoverSheetInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can change a cover sheet");
        if (!CoverSheetPapers.All.Contains(paper)) return SaveResult.Missing();
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct)) return SaveResult.Missing();
        var sheet = await db.CoverSheets.SingleOrDefaultAsync(c => c.MeetingId == meetingId && c.Paper == paper, ct);
        if (sheet is null)
        {
            sheet = CoverSheet.For(meetingId, paper);
            sheet.Update(input);
            db.CoverSheets.Add(sheet);
            // Two clerks saving a paper's first cover sheet at once: the unique index keeps one.
            return await db.SaveNewAsync(() => SaveResult.Saved(sheet.Id, sheet.Version), ct,
                new UniqueRule("CoverSheets.MeetingId", "", "Someone else has just saved this cover sheet: open it again to see theirs"));
        }
        return await db.SaveVersionedAsync(sheet, loadedVersion, () => Values(sheet), () =>
        {
            sheet.Update(input);
            return null;
        }, ct);
    }

    static IReadOnlyList<ConflictValue> Values(CoverSheet c) =>
    [
        new(nameof(CoverSheetInput.ReportNumber), "Report number", c.ReportNumber),
        new(nameof(CoverSheetInput.ContactOfficer), "Contact officer", c.ContactOfficer),
        new(nameof(CoverSheetInput.ContactTelephone), "Telephone", c.ContactTelephone),
        new(nameof(CoverSheetInput.ContactEmail), "Email", c.ContactEmail),
        new(nameof(CoverSheetInput.ChiefOfficer), "Chief officer", c.ChiefOfficer),
        new(nameof(CoverSheetInput.DecisionType), "Decision type", c.DecisionType),
        new(nameof(CoverSheetInput.Ward), "Ward", c.Ward),
        new(nameof(CoverSheetInput.Reason), "Reason for report", c.Reason),
        new(nameof(CoverSheetInput.Recommendation), "Recommendation", c.Recommendation),
        new(nameof(CoverSheetInput.Classification), "Classification", c.Classification.Label()),
    ];
}
