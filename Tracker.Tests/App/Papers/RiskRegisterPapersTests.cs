using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Risks.Papers;
using Tracker.Tests.Support;
using W = DocumentFormat.OpenXml.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Tracker.Tests.App.Papers;

public abstract class RiskRegisterPapersTestsBase(TrackerAppFactory app)
{
    [ProviderFact]
    public async Task RegisterDocx_SampleData_LandscapeRiskLogWithScoresAndBands()
    {
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync("/risks/register.docx", PaperFiles.Docx, "risk-register.docx"));

        var size = doc.Body().Elements<W.SectionProperties>().Single().GetFirstChild<W.PageSize>()!;
        Assert.Equal(W.PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value);
        Assert.Equal("RISK REGISTER FOR: Safer Bromley Partnership", doc.Row("RISK REGISTER FOR").Cells()[0]);
        Assert.StartsWith("RISK REGISTER COMPLETED BY: ", doc.Row("RISK REGISTER FOR").Cells()[1]);
        Assert.Contains("Risk (uncertainty which may affect CSP objective)", doc.Text());
        Assert.Contains("Gross Risk Score (as if no controls in place)", doc.Text());

        var r1 = doc.RowOf("R1").Elements<W.TableCell>().ToList();
        Assert.Equal("No established SBP coordination, support and planning resource", r1[1].CellText());
        Assert.Equal("P, E, S, T, L, C", r1[4].CellText());
        Assert.Equal(["4", "4", "16\nHigh"], r1.Skip(6).Take(3).Select(c => c.CellText()));
        Assert.Equal("FFC000", r1[8].Fill()); // High
        Assert.Equal(["2", "2", "4\nLow"], r1.Skip(10).Take(3).Select(c => c.CellText()));
        Assert.Equal("92D050", r1[12].Fill()); // Low
        Assert.Equal("Consider alternative delivery mechanisms", r1[13].CellText());
        Assert.Contains("OFFICIAL", doc.HeaderText());
        Assert.Contains("OFFICIAL", doc.FooterText());
    }

    [ProviderFact]
    public async Task RegisterXlsx_SampleData_OneRowPerRiskHeaderFrozenFilteredWidths()
    {
        var member = await app.SignInAsync("member");
        using var book = PaperFiles.OpenExcel(await member.GetFileAsync("/risks/register.xlsx", PaperFiles.Xlsx, "risk-register.xlsx"));
        var rows = book.Rows();

        Assert.Equal(RiskRegisterWorkbook.Header, rows[0]);
        Assert.Equal(1 + await app.WithDbAsync(db => db.Risks.CountAsync()), rows.Count);
        var r1 = rows.FindIndex(r => r[0] == "R1");
        Assert.Equal(["4", "4", "16", "High"], rows[r1].Skip(6).Take(4));
        var score = book.CellAt(r1, 8);
        Assert.Null(score.DataType); // a number, not text
        Assert.Equal("FFC000", book.FillOf(score));
        var sheet = book.Sheet();
        Assert.Equal(S.PaneStateValues.Frozen, sheet.Descendants<S.Pane>().Single().State!.Value);
        Assert.Equal("A2", sheet.Descendants<S.Pane>().Single().TopLeftCell!.Value);
        Assert.Equal($"A1:W{rows.Count}", sheet.Elements<S.AutoFilter>().Single().Reference!.Value);
        Assert.All(sheet.Descendants<S.Column>(), c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 7));
    }

    [ProviderTheory]
    [InlineData("/risks/register.docx")]
    [InlineData("/risks/register.xlsx")]
    public async Task Papers_SignedOut_RedirectToSignIn(string url)
    {
        var response = await app.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }
}

/// <summary>The cases of <see cref="RiskRegisterPapersTestsBase"/> on SQLite (the default provider).</summary>
public sealed class RiskRegisterPapersTests(TrackerAppFactory app) : RiskRegisterPapersTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class RiskRegisterPapersTestsOnPostgreSql(PostgreSqlAppFactory app) : RiskRegisterPapersTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
