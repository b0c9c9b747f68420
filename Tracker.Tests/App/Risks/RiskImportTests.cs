using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Data;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>
/// Issue 9, CSV import through the service: round trips any text, reports only real changes, caps its
/// error list, and writes new risks in bulk with real keys in their children and the audit trail.
/// </summary>
public abstract class RiskImportTestsBase(TrackerAppFactory app)
{
    const string Header = "Reference,Risk,Cause,Impact,Categories,Owner group,Gross likelihood,Gross severity,Gross score,Controls in place,Net likelihood,Net severity,Net score,Further actions,Action owners,Action RAG,Target completion dates,Target likelihood,Target severity,Target score,Review date,Status";

    static StubUser Clerk => new("Clerk", null, TrackerRoles.Administrator);

    Task<string> ExportAsync() => new RiskRegisterQueries(app.Dbs(), Clerk, TimeProvider.System).ExportCsvAsync();

    Task<ImportResult> ImportAsync(string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return new RiskImportService(app.Dbs(), Clerk, TimeProvider.System).ImportCsvAsync(new MemoryStream(bytes), "register.csv", bytes.Length);
    }

    /// <summary>Everything the CSV states about every risk, to compare before and after a round trip.</summary>
    Task<List<string>> RegisterStateAsync() => app.WithDbAsync(async db =>
        (await db.Risks.AsNoTracking().Include(r => r.FurtherActions).OrderBy(r => r.Reference).ToListAsync())
        .Select(r => string.Join("¦", r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.OwnerGroupId, r.Gross, r.Controls, r.Net, r.Target,
            r.NextReviewDate, r.Status, string.Join("¦", r.FurtherActions.OrderBy(a => a.Order).Select(a => $"{a.Description}¦{a.Owner}¦{a.Rag}¦{a.TargetDate}"))))
        .ToList());

    [ProviderFact]
    public async Task ImportCsvAsync_ExportOfEverySampleRiskWithAwkwardText_RoundTrips()
    {
        await app.WithDbAsync(async db =>
        {
            var r5 = await db.Risks.Include(r => r.FurtherActions).SingleAsync(r => r.Reference == "R5");
            r5.FurtherActions[0].Description = "Consult partners | residents, then report \\ decide";
            r5.FurtherActions[0].Owner = "AM|RV";
            r5.FurtherActions[1].Description = "=SUM(A1:A2) is not a formula";
            r5.Title = "-5% budget, 'quoted' and @mention";
            r5.Cause = "'=already apostrophed";
            r5.Impact = "+44 first line\n\tsecond line";
            return await db.SaveChangesAsync();
        });
        var before = await RegisterStateAsync();
        var exported = await ExportAsync();

        var result = await ImportAsync(exported);

        Assert.Empty(result.Errors);
        Assert.Equal(before, await RegisterStateAsync());
    }

    [ProviderFact]
    public async Task ImportCsvAsync_ExportUnchanged_ReportsNothingUpdated()
    {
        var result = await ImportAsync(await ExportAsync());

        Assert.Empty(result.Errors);
        Assert.Equal((0, 0), (result.Created, result.Updated));
    }

    [ProviderFact]
    public async Task ImportCsvAsync_OneCellChanged_ReportsOneUpdated()
    {
        var exported = await ExportAsync();
        var lines = exported.Split("\r\n").ToList();
        var r2 = lines.FindIndex(l => l.StartsWith("R2,"));
        var cells = lines[r2].Split(',');
        cells[1] = "Unclear strategy delivery structure (revised)";
        lines[r2] = string.Join(',', cells);

        var result = await ImportAsync(string.Join("\r\n", lines));

        Assert.Empty(result.Errors);
        Assert.Equal((0, 1), (result.Created, result.Updated));
        Assert.Equal("Unclear strategy delivery structure (revised)", (await app.RiskAsync("R2")).Title);
    }

    [ProviderFact]
    public async Task ImportCsvAsync_ThousandsOfBadRows_FirstHundredErrorsAndTheTotal()
    {
        var rows = Enumerable.Range(1, 400).Select(i => $"R{1000 + i},Bad risk {i},,,S,Strategic Group,9,9,,,,,,,,,,,,,,Open");
        var result = await ImportAsync(string.Join("\r\n", [Header, .. rows]));

        Assert.Equal(100, result.Errors.Count);
        Assert.Equal(800, result.ErrorCount); // gross likelihood and gross severity on each row
        Assert.Equal(2, result.Errors[0].Row);
        Assert.Null(await app.WithDbAsync(db => db.Risks.SingleOrDefaultAsync(r => r.Reference == "R1001")));
    }

    [ProviderTheory]
    [InlineData("99", "Status", "Status must be Open or Closed")]
    [InlineData("Foo", "Status", "Status must be Open or Closed")]
    public async Task ImportCsvAsync_StatusNotOpenOrClosed_Refused(string status, string column, string message)
    {
        var result = await ImportAsync(string.Join("\r\n", Header, $"R90,A risk,,,S,Strategic Group,3,3,9,,,,,,,,,,,,,{status}"));

        Assert.Contains(result.Errors, e => e.Column == column && e.Message == message);
    }

    [ProviderFact]
    public async Task ImportCsvAsync_ActionRagNumber_Refused()
    {
        var result = await ImportAsync(string.Join("\r\n", Header, "R91,A risk,,,S,Strategic Group,3,3,9,,,,,Act,AM,7,,,,,,Open"));

        Assert.Contains(result.Errors, e => e.Column == "Action RAG");
    }

    static string NewRow(string reference, string title, string actions = "", string owners = "", string rags = "", string dates = "") =>
        $"{reference},{title},Cause of {reference},Impact of {reference},\"P, E\",Strategic Group,4,3,12,Controls of {reference},2,3,6,{actions},{owners},{rags},{dates},1,3,3,31/03/2027,Open";

    [ProviderFact]
    public async Task ImportCsvAsync_NewRisksWithActions_SavedWithRealKeysInChildrenAndAudit()
    {
        var result = await ImportAsync(string.Join("\r\n", Header,
            NewRow("N1", "First imported risk", "Agree the plan | Report back", "AM | RV", "Red | Green", "31/03/2027 | 30/06/2027"),
            NewRow("n2", "Second imported risk")));

        Assert.Empty(result.Errors);
        Assert.Equal((2, 0), (result.Created, result.Updated));
        var n1 = await app.RiskAsync("N1");
        var n2 = await app.RiskAsync("N2");
        Assert.Equal(("First imported risk", "P, E", 1), (n1.Title, n1.Categories, n1.Version));
        Assert.Equal(["Agree the plan (AM, Red, 2027-03-31, 1)", "Report back (RV, Green, 2027-06-30, 2)"],
            n1.FurtherActions.OrderBy(a => a.Order).Select(a => $"{a.Description} ({a.Owner}, {a.Rag}, {a.TargetDate:yyyy-MM-dd}, {a.Order})"));
        Assert.All(n1.FurtherActions, a => Assert.Equal((n1.Id, 1), (a.RiskId, a.Version)));
        var assessment = Assert.Single(n1.Assessments);
        Assert.Equal((n1.Id, 4, 3, 2, "Imported from CSV"), (assessment.RiskId, assessment.GrossLikelihood, assessment.GrossSeverity, assessment.NetLikelihood, assessment.Note));
        Assert.Empty(n2.FurtherActions);
        Assert.Single(n2.Assessments);

        // Every inserted row is audited once, under its real key, and a child's risk is the parent's real key.
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Include(a => a.Changes)
            .Where(a => a.Action == "Added" && (a.EntityType == nameof(Risk) && (a.EntityKey == n1.Id.ToString() || a.EntityKey == n2.Id.ToString())
                || a.EntityType != nameof(Risk) && a.Changes.Any(c => c.Property == "RiskId" && (c.NewValue == n1.Id.ToString() || c.NewValue == n2.Id.ToString()))))
            .ToListAsync());
        Assert.Equal(2 + 2 + 2, audit.Count);
        var risk = audit.Single(a => a.EntityType == nameof(Risk) && a.EntityKey == n1.Id.ToString());
        Assert.Contains(risk.Changes, c => (c.Property, c.OldValue, c.NewValue) == ("Reference", null, "N1"));
        Assert.Contains(risk.Changes, c => (c.Property, c.NewValue) == ("Status", "Open"));
        Assert.Contains(risk.Changes, c => (c.Property, c.NewValue) == ("NextReviewDate", "2027-03-31"));
        Assert.DoesNotContain(risk.Changes, c => c.Property is "Id" or "Version" or "CreatedAt");
        Assert.Equal(n1.FurtherActions.Select(a => a.Id.ToString()).Order(),
            audit.Where(a => a.EntityType == nameof(FurtherAction)).Where(a => a.Changes.Any(c => c.Property == "RiskId" && c.NewValue == n1.Id.ToString()))
                .Select(a => a.EntityKey).Order());
        Assert.Equal(assessment.Id.ToString(), audit.Single(a => a.EntityType == nameof(RiskAssessment)
            && a.Changes.Any(c => c.Property == "RiskId" && c.NewValue == n1.Id.ToString())).EntityKey);
        Assert.Contains(audit.Single(a => a.EntityKey == n1.FurtherActions.Single(f => f.Order == 2).Id.ToString() && a.EntityType == nameof(FurtherAction)).Changes,
            c => (c.Property, c.NewValue) == ("Rag", "Green"));
    }

    [ProviderFact]
    public async Task ImportCsvAsync_NewAndChangedRisksOverSeveralChunks_AllSavedAndCounted()
    {
        var exported = (await ExportAsync()).Split("\r\n").Where(l => l.Length > 0).ToList();
        var r3 = exported.FindIndex(l => l.StartsWith("R3,"));
        var cells = exported[r3].Split(',');
        cells[1] = "Risk three, reworded by the import";
        exported[r3] = string.Join(',', cells.Take(1).Append($"\"{cells[1]}\"").Concat(cells.Skip(2)));
        var added = Enumerable.Range(1, 1_250).Select(i => NewRow($"B{i}", $"Bulk risk {i}", i % 2 == 0 ? "Act | Report" : "", i % 2 == 0 ? "AM | RV" : "", "", ""));

        var result = await ImportAsync(string.Join("\r\n", [.. exported, .. added]));

        Assert.Empty(result.Errors);
        Assert.Equal((1_250, 1), (result.Created, result.Updated));
        Assert.Equal("Risk three, reworded by the import", (await app.RiskAsync("R3")).Title);
        var counts = await app.WithDbAsync(async db => (
            Risks: await db.Risks.CountAsync(r => r.Reference.StartsWith("B")),
            Actions: await db.FurtherActions.CountAsync(a => a.Risk!.Reference.StartsWith("B")),
            Assessments: await db.RiskAssessments.CountAsync(a => a.Risk!.Reference.StartsWith("B")),
            Orphans: await db.FurtherActions.CountAsync(a => !db.Risks.Any(r => r.Id == a.RiskId))));
        Assert.Equal((1_250, 1_250, 1_250, 0), counts);
        var last = await app.RiskAsync("B1250");
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Risk) && a.EntityKey == last.Id.ToString())));
    }

    [ProviderFact]
    public async Task ImportCsvAsync_SameNewRisksImportedFourTimesAtOnce_OneWinsTheOthersRefusedOrFindThemSaved()
    {
        // Each import checks references before its transaction; those that overlap meet the unique
        // reference (or the busy database) when they insert, and must refuse rather than fail.
        var exported = (await ExportAsync()).Split("\r\n").Where(l => l.Length > 0).ToList();
        var csv = string.Join("\r\n", [.. exported, .. Enumerable.Range(1, 400).Select(i => NewRow($"C{i}", $"Raced risk {i}", "", "", "", ""))]);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ImportAsync(csv))));

        Assert.Equal(400, results.Sum(r => r.Created));
        Assert.All(results.Where(r => r.Errors.Count > 0), r => Assert.Equal(
            "Someone else changed the risk register while your file was importing. Nothing was imported: import the file again.", Assert.Single(r.Errors).Message));
        Assert.Equal(400, await app.WithDbAsync(db => db.Risks.CountAsync(r => r.Reference.StartsWith("C"))));
    }
}

/// <summary>The cases of <see cref="RiskImportTestsBase"/> on SQLite (the default provider).</summary>
public sealed class RiskImportTests(TrackerAppFactory app) : RiskImportTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class RiskImportTestsOnPostgreSql(PostgreSqlAppFactory app) : RiskImportTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
