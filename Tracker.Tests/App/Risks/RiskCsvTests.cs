using System.Net;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The register's CSV: the download endpoint, and the import's preview and all-or-nothing save.</summary>
public sealed class RiskCsvTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    const string Header = "Reference,Risk,Cause,Impact,Categories,Owner group,Gross likelihood,Gross severity,Gross score,Controls in place,Net likelihood,Net severity,Net score,Further actions,Action owners,Action RAG,Target completion dates,Target likelihood,Target severity,Target score,Review date,Status";

    static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    async Task<RiskImportService> AdminAsync() => new(App.Dbs(), await App.UserAsync(TrackerRoles.Administrator, "AM"), TimeProvider.System);

    static string Row(ImportError e) => $"{e.Row} / {e.Column} / {e.Message}";

    [Fact]
    public async Task Export_Register_ExactHeaderAndOneRowPerRisk()
    {
        var member = await App.SignInAsync("member");
        var response = await member.GetAsync("/risks/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Header, lines[0]);
        Assert.Equal(1 + await App.WithDbAsync(db => db.Risks.CountAsync()), lines.Length); // open and closed
        Assert.StartsWith("R1,\"No established SBP coordination, support and planning resource\",", lines[1]);
        Assert.Contains(",4,4,16,", lines[1]);
        // R4: no net score yet, so its net cells are empty.
        Assert.Contains("\"P, E\",Safer Bromley Partnership Strategic Group,3,4,12,,,,,\"All partners to consider", lines.Single(l => l.StartsWith("R4,")));
        var r5 = lines.Single(l => l.StartsWith("R5,"));
        Assert.Contains("Complete the statutory consultation on the PSPO extension | Report the consultation outcome to the Portfolio Holder for decision,PS | JS,Amber | Green,", r5);
        Assert.EndsWith(",1,3,3," + r5.Split(',')[^2] + ",Open", r5);
    }

    [Fact]
    public async Task Export_SignedOut_NotServed()
    {
        var response = await App.CreatePlainClient().GetAsync("/risks/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Import_BadRows_WholeFileRejectedListingRowColumnAndMessage()
    {
        var bytes = Csv(
            "R20,A good new risk,Cause,Impact,\"S, C\",Strategic Group,3,3,9,Controls,2,2,4,,,,,,,,31/03/2027,Open",
            "R21,Net above gross,Cause,Impact,S,Strategic Group,3,4,12,,4,4,16,,,,,,,,,Open",
            "R22,Unknown group,Cause,Impact,Q,Nobody,6,2,,,,,,Act now | Later,AM,Purple | Red,,,,,,Open");
        var import = await AdminAsync();
        var preview = await import.PreviewAsync(new MemoryStream(bytes), "register.csv", bytes.Length);
        var result = await import.ImportCsvAsync(new MemoryStream(bytes), "register.csv", bytes.Length);

        foreach (var errors in new[] { preview.Errors.Select(Row).ToList(), result.Errors.Select(Row).ToList() })
        {
            Assert.Contains("3 / Net likelihood / Net risk score (16) cannot be higher than gross risk score (12)", errors);
            Assert.Contains("4 / Owner group / Owner group “Nobody” is not a group in the tracker", errors);
            Assert.Contains("4 / Categories / Risk categories must be from P, E, S, T, L, C", errors);
            Assert.Contains("4 / Gross likelihood / Gross likelihood must be between 1 and 5", errors);
            Assert.Contains("4 / Action owners / Action owners must have one entry for each further action (2), separated by |", errors);
            Assert.Contains("4 / Action RAG / Further action 1: RAG must be Red, Amber, Green or Blue, or left empty", errors);
            Assert.DoesNotContain(errors, e => e.StartsWith("2 /"));
        }
        Assert.False(preview.CanImport);
        Assert.False(await App.WithDbAsync(db => db.Risks.AnyAsync(r => r.Reference == "R20")));
    }

    [Fact]
    public async Task Preview_ValidFile_ExactChangesPerRiskAndFieldAndNothingSaved()
    {
        var before = await App.RiskAsync("R3");
        var bytes = Csv(
            "R3,Data capacity (previewed),Cause,Impact,\"P, E\",Strategic Group,4,4,16,Controls,2,1,2,Agree a delivery structure | Report back,AM | KL,Green | ,31/01/2027 | ,1,1,1,28/02/2027,Open",
            "R30,Imported new risk,Cause,Impact,T,ASB and Envirocrime,2,2,4,,,,,,,,,,,,,Open");
        var preview = await (await AdminAsync()).PreviewAsync(new MemoryStream(bytes), "register.csv", bytes.Length);

        Assert.True(preview.CanImport);
        Assert.Equal((1, 1), (preview.Created, preview.Updated));
        var r3 = preview.Risks.Single(r => r.Reference == "R3");
        var title = r3.Changes.Single(c => c.Field == "Risk");
        Assert.Equal((before.Title, "Data capacity (previewed)"), (title.Before, title.After));
        Assert.Equal("2 × 1 = 2", r3.Changes.Single(c => c.Field == "Net risk").After);
        Assert.Contains("Report back (KL, Not rated)", r3.Changes.Single(c => c.Field == "Further actions").After);
        
        var r30 = preview.Risks.Single(r => r.Reference == "R30");
        Assert.True(r30.IsNew);
        Assert.Equal(("", "ASB and Envirocrime Sub-Group"), (r30.Changes.Single(c => c.Field == "Owner group").Before, r30.Changes.Single(c => c.Field == "Owner group").After));
        // A preview saves nothing.
        Assert.Equal(before.Title, (await App.RiskAsync("R3")).Title);
        Assert.False(await App.WithDbAsync(db => db.Risks.AnyAsync(r => r.Reference == "R30")));
    }

    [Fact]
    public async Task Import_ValidFile_CreatesAndReplacesInOneGo()
    {
        var bytes = Csv(
            "R2,Unclear strategy delivery structure (revised),Cause,Impact,\"P, E\",Strategic Group,4,4,16,Controls,3,3,9,Agree a delivery structure | Report back,AM | KL,Green | ,31/01/2027 | ,2,2,4,28/02/2027,Open",
            "R31,Imported new risk,Cause,Impact,T,ASB and Envirocrime,2,2,4,,,,,,,,,,,,,Open");
        var result = await (await AdminAsync()).ImportCsvAsync(new MemoryStream(bytes), "register.CSV", bytes.Length);

        Assert.Equal((1, 1), (result.Created, result.Updated));
        var r2 = await App.RiskAsync("R2");
        Assert.Equal(("Unclear strategy delivery structure (revised)", 9, 2), (r2.Title, r2.Net!.Value.Score, r2.FurtherActions.Count));
        var second = r2.FurtherActions.Single(a => a.Description == "Report back");
        Assert.Equal(("KL", (Tracker.Domain.Risks.FurtherActionRag?)null, (DateOnly?)null), (second.Owner, second.Rag, second.TargetDate));
        Assert.Equal("Imported from CSV", r2.Assessments.OrderBy(a => a.Id).Last().Note);
        Assert.NotNull(await App.WithDbAsync(db => db.Risks.SingleOrDefaultAsync(r => r.Reference == "R31")));
    }

    [Fact]
    public async Task Import_ExportedFile_RoundTripsChangingNothing()
    {
        var admin = await App.SignInAsync("admin");
        var exported = await admin.GetByteArrayAsync("/risks/export.csv");
        var import = await AdminAsync();
        var preview = await import.PreviewAsync(new MemoryStream(exported), "risk-register.csv", exported.Length);
        Assert.Empty(preview.Errors);
        Assert.Empty(preview.Risks);
        var assessments = await App.WithDbAsync(db => db.RiskAssessments.CountAsync());
        var result = await import.ImportCsvAsync(new MemoryStream(exported), "risk-register.csv", exported.Length);
        Assert.Equal((0, 0, true), (result.Created, result.Updated, result.Succeeded));
        Assert.Equal(assessments, await App.WithDbAsync(db => db.RiskAssessments.CountAsync()));
    }

    [Theory]
    [InlineData("register.xlsx", "The selected file must be a CSV")]
    [InlineData("empty.csv", "The selected file is empty")]
    [InlineData("wrong-header.csv", "The first row of the file must be the register's header")]
    [InlineData("big.csv", "The selected file must be smaller than 5 MB")]
    public async Task ImportPage_NotTheRegistersCsv_ClearErrorOnTheFileField(string fileName, string message)
    {
        byte[] content = fileName switch
        {
            "empty.csv" => [],
            "wrong-header.csv" => Encoding.UTF8.GetBytes("Ref,Title\r\nR1,Something\r\n"),
            "big.csv" => Enumerable.Repeat((byte)'a', (int)RiskCsv.MaxBytes + 1).ToArray(),
            _ => [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00],
        };
        var cut = await OpenImportAsync(fileName, content);
        await cut.InvokeAsync(() => cut.Find("[data-check-file]").Click());
        cut.WaitForAssertion(() => Assert.StartsWith(message, cut.Find("#file-error").TextContent));
        Assert.StartsWith(message, cut.Summary().Single());
        Assert.Equal("#file", cut.Find("[data-error-summary] a").GetAttribute("href"));
    }

    async Task<IRenderedComponent<RiskImportPage>> OpenImportAsync(string fileName, byte[] content)
    {
        await SignInAsAsync("admin");
        var cut = Render<RiskImportPage>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, fileName, contentType: "text/csv"));
        return cut;
    }

    [Fact]
    public async Task ImportPage_ValidFile_PreviewPerFieldThenConfirmImports()
    {
        var bytes = Csv("R6,Persistent anti-social behaviour in town centres (previewed),Cause,Impact,\"E, C\",ASB and Envirocrime,4,4,16,Controls,3,3,9,,,,,,,,,Open");
        var cut = await OpenImportAsync("register.csv", bytes);
        await cut.InvokeAsync(() => cut.Find("[data-check-file]").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-preview-risk=R6]")));
        Assert.Equal("Persistent anti-social behaviour in town centres (previewed)", cut.Find("[data-preview-risk=R6] [data-preview-field=Risk] [data-after]").TextContent);
        Assert.Contains("Nothing has been saved yet", cut.Find("[data-preview-summary]").TextContent);
        Assert.NotEqual("Persistent anti-social behaviour in town centres (previewed)", (await App.RiskAsync("R6")).Title);

        await cut.InvokeAsync(() => cut.Find("[data-confirm-import]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Imported 0 new risks and updated 1", cut.Find("[data-imported]").TextContent));
        Assert.Equal("Persistent anti-social behaviour in town centres (previewed)", (await App.RiskAsync("R6")).Title);
    }

    [Fact]
    public async Task ImportPage_BadRows_TableOfProblemsAndNothingToConfirm()
    {
        var cut = await OpenImportAsync("register.csv", Csv("R21,Net above gross,Cause,Impact,S,Strategic Group,3,4,12,,4,4,16,,,,,,,,,Open"));
        await cut.InvokeAsync(() => cut.Find("[data-check-file]").Click());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-import-error]")));
        Assert.Contains("Row 2, Net likelihood: Net risk score (16) cannot be higher than gross risk score (12)", cut.Summary());
        Assert.Empty(cut.FindAll("[data-confirm-import]"));
    }

    [Fact]
    public async Task Get_ImportAsLead_AccessDenied()
    {
        var lead = await App.SignInAsync("lead");
        var response = await lead.GetAsync("/risks/import");
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
