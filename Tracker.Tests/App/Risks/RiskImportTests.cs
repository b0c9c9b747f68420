using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>Issue 9, CSV import through the service: round trips any text, reports only real changes, caps its error list.</summary>
public sealed class RiskImportTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    const string Header = "Reference,Risk,Cause,Impact,Categories,Owner group,Gross likelihood,Gross severity,Gross score,Controls in place,Net likelihood,Net severity,Net score,Further actions,Action owners,Action RAG,Target completion dates,Target likelihood,Target severity,Target score,Review date,Status";

    async Task<T> AsAdministratorAsync<T>(Func<RiskService, TrackerDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        return await work(new RiskService(db, new StubUser("Clerk", null, TrackerRoles.Administrator), TimeProvider.System, new StrategicGroupCalendar(scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>())), db);
    }

    Task<string> ExportAsync() => AsAdministratorAsync((service, _) => service.ExportCsvAsync());

    Task<ImportResult> ImportAsync(string csv) => AsAdministratorAsync((service, _) =>
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return service.ImportCsvAsync(new MemoryStream(bytes), "register.csv", bytes.Length);
    });

    /// <summary>Everything the CSV states about every risk, to compare before and after a round trip.</summary>
    Task<List<string>> RegisterStateAsync() => app.WithDbAsync(async db =>
        (await db.Risks.AsNoTracking().Include(r => r.FurtherActions).OrderBy(r => r.Reference).ToListAsync())
        .Select(r => string.Join("¦", r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.OwnerGroupId, r.Gross, r.Controls, r.Net, r.Target,
            r.NextReviewDate, r.Status, string.Join("¦", r.FurtherActions.OrderBy(a => a.Order).Select(a => $"{a.Description}¦{a.Owner}¦{a.Rag}¦{a.TargetDate}"))))
        .ToList());

    [Fact]
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

    [Fact]
    public async Task ImportCsvAsync_ExportUnchanged_ReportsNothingUpdated()
    {
        var result = await ImportAsync(await ExportAsync());

        Assert.Empty(result.Errors);
        Assert.Equal((0, 0), (result.Created, result.Updated));
    }

    [Fact]
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

    [Fact]
    public async Task ImportCsvAsync_ThousandsOfBadRows_FirstHundredErrorsAndTheTotal()
    {
        var rows = Enumerable.Range(1, 400).Select(i => $"R{1000 + i},Bad risk {i},,,S,Strategic Group,9,9,,,,,,,,,,,,,,Open");
        var result = await ImportAsync(string.Join("\r\n", [Header, .. rows]));

        Assert.Equal(100, result.Errors.Count);
        Assert.Equal(800, result.ErrorCount); // gross likelihood and gross severity on each row
        Assert.Equal(2, result.Errors[0].Row);
        Assert.Null(await app.WithDbAsync(db => db.Risks.SingleOrDefaultAsync(r => r.Reference == "R1001")));
    }

    [Theory]
    [InlineData("99", "Status", "Status must be Open or Closed")]
    [InlineData("Foo", "Status", "Status must be Open or Closed")]
    public async Task ImportCsvAsync_StatusNotOpenOrClosed_Refused(string status, string column, string message)
    {
        var result = await ImportAsync(string.Join("\r\n", Header, $"R90,A risk,,,S,Strategic Group,3,3,9,,,,,,,,,,,,,{status}"));

        Assert.Contains(result.Errors, e => e.Column == column && e.Message == message);
    }

    [Fact]
    public async Task ImportCsvAsync_ActionRagNumber_Refused()
    {
        var result = await ImportAsync(string.Join("\r\n", Header, "R91,A risk,,,S,Strategic Group,3,3,9,,,,,Act,AM,7,,,,,,Open"));

        Assert.Contains(result.Errors, e => e.Column == "Action RAG");
    }
}
