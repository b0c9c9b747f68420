using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

public abstract class RiskCsvTestsBase(TrackerAppFactory app)
{
    const string Header = "Reference,Risk,Cause,Impact,Categories,Owner group,Gross likelihood,Gross severity,Gross score,Controls in place,Net likelihood,Net severity,Net score,Further actions,Action owners,Action RAG,Target completion dates,Target likelihood,Target severity,Target score,Review date,Status";

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetPageAsync("/risks/import");
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in page.FormNamed("risk-import").CurrentValues())
            if (name != "file") multipart.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        multipart.Add(file, "file", fileName);
        return await client.PostAsync("/risks/import", multipart);
    }

    static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    [ProviderFact]
    public async Task Export_Register_ExactHeaderAndOneRowPerRisk()
    {
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync("/risks/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Header, lines[0]);
        Assert.Equal(1 + await app.WithDbAsync(db => db.Risks.CountAsync()), lines.Length); // open and closed
        Assert.StartsWith("R1,\"No established SBP coordination, support and planning resource\",", lines[1]);
        Assert.Contains(",4,4,16,", lines[1]);
        // R4: no net score yet, so its net cells are empty.
        Assert.Contains("\"P, E\",Safer Bromley Partnership Strategic Group,3,4,12,,,,,\"All partners to consider", lines.Single(l => l.StartsWith("R4,")));
        var r5 = lines.Single(l => l.StartsWith("R5,"));
        Assert.Contains("Complete the statutory consultation on the PSPO extension | Report the consultation outcome to the Portfolio Holder for decision,PS | JS,Amber | Green,", r5);
        Assert.EndsWith(",1,3,3," + r5.Split(',')[^2] + ",Open", r5);
    }

    [ProviderFact]
    public async Task Import_BadRows_WholeFileRejectedListingRowColumnAndMessage()
    {
        var admin = await app.SignInAsync("admin");
        var response = await UploadAsync(admin, "register.csv", Csv(
            "R20,A good new risk,Cause,Impact,\"S, C\",Strategic Group,3,3,9,Controls,2,2,4,,,,,,,,31/03/2027,Open",
            "R21,Net above gross,Cause,Impact,S,Strategic Group,3,4,12,,4,4,16,,,,,,,,,Open",
            "R22,Unknown group,Cause,Impact,Q,Nobody,6,2,,,,,,Act now | Later,AM,Purple | Red,,,,,,Open"));
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = page.QuerySelectorAll("[data-import-error]")
            .Select(r => string.Join(" / ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains("3 / Net likelihood / Net risk score (16) cannot be higher than gross risk score (12)", errors);
        Assert.Contains("4 / Owner group / Owner group “Nobody” is not a group in the tracker", errors);
        Assert.Contains("4 / Categories / Risk categories must be from P, E, S, T, L, C", errors);
        Assert.Contains("4 / Gross likelihood / Gross likelihood must be between 1 and 5", errors);
        Assert.Contains("4 / Action owners / Action owners must have one entry for each further action (2), separated by |", errors);
        Assert.Contains("4 / Action RAG / Further action 1: RAG must be Red, Amber, Green or Blue, or left empty", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("2 /"));
        Assert.Contains("Row 3, Net likelihood: Net risk score (16) cannot be higher than gross risk score (12)", page.ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Risks.AnyAsync(r => r.Reference == "R20")));
    }

    [ProviderFact]
    public async Task Import_ValidFile_CreatesAndReplacesInOneGo()
    {
        var admin = await app.SignInAsync("admin");
        var response = await UploadAsync(admin, "register.CSV", Csv(
            "R2,Unclear strategy delivery structure (revised),Cause,Impact,\"P, E\",Strategic Group,4,4,16,Controls,3,3,9,Agree a delivery structure | Report back,AM | KL,Green | ,31/01/2027 | ,2,2,4,28/02/2027,Open",
            "R30,Imported new risk,Cause,Impact,T,ASB and Envirocrime,2,2,4,,,,,,,,,,,,,Open"));
        var page = await response.ParseAsync();

        Assert.Contains("Imported 1 new risk and updated 1", page.QuerySelector("[data-imported]")!.TextContent);
        var r2 = await app.RiskAsync("R2");
        Assert.Equal(("Unclear strategy delivery structure (revised)", 9, 2), (r2.Title, r2.Net!.Value.Score, r2.FurtherActions.Count));
        var second = r2.FurtherActions.Single(a => a.Description == "Report back");
        Assert.Equal(("KL", (Tracker.Domain.Risks.FurtherActionRag?)null, (DateOnly?)null), (second.Owner, second.Rag, second.TargetDate));
        Assert.Equal("Imported from CSV", r2.Assessments.OrderBy(a => a.Id).Last().Note);
        Assert.NotNull(await app.WithDbAsync(db => db.Risks.SingleOrDefaultAsync(r => r.Reference == "R30")));
    }

    [ProviderFact]
    public async Task Import_ExportedFile_RoundTrips()
    {
        var admin = await app.SignInAsync("admin");
        var exported = await admin.GetByteArrayAsync("/risks/export.csv");
        var page = await (await UploadAsync(admin, "risk-register.csv", exported)).ParseAsync();
        Assert.Empty(page.QuerySelectorAll("[data-import-error]"));
        Assert.NotNull(page.QuerySelector("[data-imported]"));
    }

    [ProviderTheory]
    [InlineData("register.xlsx", "The selected file must be a CSV")]
    [InlineData("empty.csv", "The selected file is empty")]
    [InlineData("wrong-header.csv", "The first row of the file must be the register's header")]
    public async Task Import_NotTheRegistersCsv_ClearError(string fileName, string message)
    {
        var admin = await app.SignInAsync("admin");
        byte[] content = fileName switch
        {
            "empty.csv" => [],
            "wrong-header.csv" => Encoding.UTF8.GetBytes("Ref,Title\r\nR1,Something\r\n"),
            _ => [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00],
        };
        var page = await (await UploadAsync(admin, fileName, content)).ParseAsync();
        Assert.StartsWith(message, page.FieldError("file"));
        Assert.StartsWith(message, page.ErrorSummary().Single());
    }

    [ProviderFact]
    public async Task Import_Over5MB_ClearError()
    {
        var admin = await app.SignInAsync("admin");
        var big = new byte[5 * 1024 * 1024 + 1];
        Array.Fill(big, (byte)'a');
        var page = await (await UploadAsync(admin, "big.csv", big)).ParseAsync();
        Assert.Equal("The selected file must be smaller than 5 MB", page.FieldError("file"));
    }

    [ProviderFact]
    public async Task Import_Lead_AccessDenied()
    {
        var lead = await app.SignInAsync("lead");
        var response = await lead.GetAsync("/risks/import");
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}

/// <summary>The cases of <see cref="RiskCsvTestsBase"/> on SQLite (the default provider).</summary>
public sealed class RiskCsvTests(TrackerAppFactory app) : RiskCsvTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class RiskCsvTestsOnPostgreSql(PostgreSqlAppFactory app) : RiskCsvTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
