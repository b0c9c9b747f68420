using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>
/// Imports the register's own CSV (administrators). First a preview of exactly what would change, per
/// risk and per field; then, once confirmed, the same file is checked again and saved all or nothing.
/// Every row is checked by the same validators as the form; any error rejects the whole file.
/// </summary>
public sealed class RiskImportService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    public bool CanImport => user.IsAdministrator();
    DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    async Task<ParsedRiskFile> ParseAsync(TrackerDbContext db, Stream stream, string fileName, long length, CancellationToken ct)
    {
        var settings = await db.RiskSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RiskSettings.SingletonId, ct) ?? new RiskSettings();
        var groups = await db.Groups.AsNoTracking().Select(g => new { g.Id, g.Name, g.ShortName }).ToListAsync(ct);
        var closingNotes = await db.Risks.AsNoTracking().Where(r => r.ClosingNote != null).ToDictionaryAsync(r => r.Reference, r => r.ClosingNote, ct);
        return await RiskCsv.ParseAsync(stream, fileName, length, settings.MatrixSize,
            name => groups.FirstOrDefault(g => string.Equals(g.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
                                               || string.Equals(g.ShortName, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Id,
            reference => closingNotes.GetValueOrDefault(reference), ct);
    }

    /// <summary>
    /// Applies the file to the register in <paramref name="db"/> without saving: the risks it creates
    /// (not tracked: they are written in bulk) and the risks it changes (tracked), with what each looked
    /// like before.
    /// </summary>
    async Task<List<(ParsedRiskRow Row, Risk Risk, RiskSnapshot? Before)>> ApplyAsync(TrackerDbContext db, IReadOnlyList<ParsedRiskRow> rows, CancellationToken ct)
    {
        var references = rows.Select(r => r.Input.Reference.Trim().ToUpperInvariant()).ToList();
        // In their order: the file's actions replace them position by position (PostgreSQL returns rows in no set order).
        var existing = await db.Risks.Include(r => r.FurtherActions.OrderBy(a => a.Order)).Include(r => r.Assessments).AsSplitQuery()
            .Where(r => references.Contains(r.Reference)).ToDictionaryAsync(r => r.Reference, ct);
        var applied = new List<(ParsedRiskRow, Risk, RiskSnapshot?)>();
        foreach (var row in rows)
        {
            var reference = row.Input.Reference.Trim().ToUpperInvariant();
            if (existing.TryGetValue(reference, out var risk))
            {
                var before = RiskSnapshot.Of(risk);
                // The CSV has no review-frequency column: keep what the register holds. The import's
                // note goes with a reassessment only: a row that repeats the scores adds no history.
                var rescored = row.Input.Gross != risk.Gross || row.Input.Net != risk.Net || row.Input.Target != risk.Target;
                risk.Update(row.Input with { ReviewFrequencyMonths = risk.ReviewFrequencyMonths, AssessmentNote = rescored ? row.Input.AssessmentNote : null },
                    user.DisplayName, Today);
                risk.ReplaceFurtherActions(row.Actions);
                applied.Add((row, risk, before));
            }
            else
            {
                risk = Risk.Create(row.Input, user.DisplayName, Today);
                risk.ReplaceFurtherActions(row.Actions);
                applied.Add((row, risk, null));
            }
        }
        return applied;
    }

    /// <summary>What the file would change, risk by risk and field by field; nothing is saved.</summary>
    public async Task<ImportPreview> PreviewAsync(Stream stream, string fileName, long length, CancellationToken ct = default)
    {
        if (!CanImport) return new ImportPreview([new ImportError(0, "", "Only administrators can import the risk register")], [], 0);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var parsed = await ParseAsync(db, stream, fileName, length, ct);
        if (parsed.Errors.Count > 0) return new ImportPreview(parsed.Errors, [], 0) { ErrorCount = parsed.ErrorCount };
        var groupNames = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var changes = new List<ImportRiskChange>();
        var unchanged = 0;
        foreach (var (row, risk, before) in await ApplyAsync(db, parsed.Rows, ct))
        {
            var after = RiskSnapshot.Of(risk);
            var fields = after.Compare(before ?? RiskSnapshot.Empty, groupNames);
            if (before is not null && fields.Count == 0) unchanged++;
            else changes.Add(new ImportRiskChange(row.Row, risk.Reference, risk.Title, before is null, fields));
        }
        // The context is thrown away unsaved: the preview changes nothing.
        return new ImportPreview([], changes, unchanged);
    }

    /// <summary>Rows applied and saved at a time: the change tracker is cleared between chunks, so a large file never sits in memory at once.</summary>
    const int ImportChunkSize = 1_000;

    public async Task<ImportResult> ImportCsvAsync(Stream stream, string fileName, long length, CancellationToken ct = default)
    {
        if (!CanImport) return ImportResult.Failed("Only administrators can import the risk register");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var parsed = await ParseAsync(db, stream, fileName, length, ct);
        if (parsed.Errors.Count > 0) return new ImportResult(parsed.Errors, 0, 0) { ErrorCount = parsed.ErrorCount };
        // All or nothing, in one transaction. Only a row that changes something counts, moves the risk's
        // version and is audited. Changed risks are saved through the change tracker; new risks, their
        // first assessments and further actions are written in bulk, audited and announced the same way.
        int created = 0, updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var chunk in parsed.Rows.Chunk(ImportChunkSize))
            {
                var added = new List<Risk>();
                foreach (var (_, risk, before) in await ApplyAsync(db, chunk, ct))
                {
                    if (before is null) added.Add(risk);
                    else if (RiskSnapshot.Of(risk) != before)
                    {
                        db.Entry(risk).State = EntityState.Modified;
                        updated++;
                    }
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await InsertAsync(db, added, ct);
                created += added.Count;
            }
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (IsRace(e))
        {
            // Someone saved a risk (a new reference, or a change to one in the file) while the file was
            // being imported: the transaction rolls back, so nothing of the file is kept.
            return ImportResult.Failed("Someone else changed the risk register while your file was importing. Nothing was imported: import the file again.");
        }
        return new ImportResult([], created, updated);
    }

    /// <summary>A unique reference taken, a row changed underneath us, or the database busy: a refusal, not an error page.</summary>
    static bool IsRace(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsRace(inner),
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 or 5 or 6 } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected } => true,
        _ => false,
    };

    /// <summary>New risks with their children: the risks first, for the keys their children name.</summary>
    static async Task InsertAsync(TrackerDbContext db, IReadOnlyList<Risk> risks, CancellationToken ct)
    {
        await db.InsertAsync(risks, [nameof(Risk.Reference)], ct);
        foreach (var risk in risks)
        {
            foreach (var action in risk.FurtherActions) action.RiskId = risk.Id;
            foreach (var assessment in risk.Assessments) assessment.RiskId = risk.Id;
        }
        await db.InsertAsync(risks.SelectMany(r => r.Assessments).ToList(), [nameof(RiskAssessment.RiskId)], ct);
        await db.InsertAsync(risks.SelectMany(r => r.FurtherActions).ToList(), [nameof(FurtherAction.RiskId), nameof(FurtherAction.Order)], ct);
    }

    /// <summary>Everything a row of the CSV states about a risk, in words, to compare before and after.</summary>
    sealed record RiskSnapshot(string Title, string Cause, string Impact, string Categories, int OwnerGroupId, string Gross, string Controls,
        string Net, string Target, string ReviewDate, string Status, string ClosingNote, string FurtherActions)
    {
        public static readonly RiskSnapshot Empty = new("", "", "", "", 0, "", "", "", "", "", "", "", "");

        public static RiskSnapshot Of(Risk r) => new(r.Title, r.Cause, r.Impact, r.Categories, r.OwnerGroupId, r.Gross.ToString(), r.Controls,
            r.Net?.ToString() ?? "", r.Target?.ToString() ?? "", r.NextReviewDate is { } d ? UkDates.Short(d) : "", r.Status.ToString(),
            r.ClosingNote ?? "",
            string.Join("\n", r.FurtherActions.OrderBy(a => a.Order).Select(a =>
                $"{a.Description} ({(a.Owner.Length == 0 ? "no owner" : a.Owner)}, {a.Rag.Label()}{(a.TargetDate is { } t ? $", by {UkDates.Short(t)}" : "")})")));

        public IReadOnlyList<ImportFieldChange> Compare(RiskSnapshot before, IReadOnlyDictionary<int, string> groups)
        {
            var changes = new List<ImportFieldChange>();
            void Field(string name, string was, string now)
            {
                if (!string.Equals(was, now, StringComparison.Ordinal)) changes.Add(new ImportFieldChange(name, was, now));
            }
            Field("Risk", before.Title, Title);
            Field("Cause", before.Cause, Cause);
            Field("Impact", before.Impact, Impact);
            Field("Risk categories", before.Categories, Categories);
            Field("Owner group", groups.GetValueOrDefault(before.OwnerGroupId, ""), groups.GetValueOrDefault(OwnerGroupId, ""));
            Field("Gross risk", before.Gross, Gross);
            Field("Controls in place", before.Controls, Controls);
            Field("Net risk", before.Net, Net);
            Field("Target risk", before.Target, Target);
            Field("Next review date", before.ReviewDate, ReviewDate);
            Field("Status", before.Status, Status);
            Field("Closing note", before.ClosingNote, ClosingNote);
            Field("Further actions", before.FurtherActions, FurtherActions);
            return changes;
        }
    }
}
