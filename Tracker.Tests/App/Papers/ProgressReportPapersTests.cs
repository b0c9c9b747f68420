using System.Net;
using Tracker.App.Features.Strategy;
using Tracker.Tests.Support;
using W = DocumentFormat.OpenXml.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Tracker.Tests.App.Papers;

public sealed class ProgressReportPapersTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task ReportDocx_QuarterFour2020_HeadingPartnerAndObjectives()
    {
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync("/actions/report.docx?year=2020&quarter=4", PaperFiles.Docx, "progress-report-2020-q4.docx"));
        var text = doc.Text();

        Assert.Contains("Quarter Four – Progress Against Priority One of the Safer Bromley Partnership Strategy 2020–23", text);
        Assert.Contains("Partner – Police", text);
        Assert.Contains("1. Improve partnership and stakeholder engagement and collaboration", text);
        var header = doc.Row("Quarter Four – Progress Against Priority One").Cells();
        Assert.Equal("Rag Status", header[1]);
    }

    [Fact]
    public async Task ReportDocx_QuarterFour2020_MetricsFromTheSeedUnderTheirObjective()
    {
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync("/actions/report.docx?year=2020&quarter=4", PaperFiles.Docx));

        var knife = doc.RowOf("Knife Crime Offences").Cells();
        Assert.Equal("639", knife[1]);
        Assert.Contains("1,216", knife[2]);
        Assert.Equal("Green", knife[3]);
        Assert.Equal("Rolling Year Jan 21 Numbers", doc.RowOf("Category").Cells()[1]);
        // The metrics table comes after objective 8, the one about the metrics.
        var text = doc.Text();
        var knifeRow = text.IndexOf("Knife Crime Offences\n639", StringComparison.Ordinal);
        Assert.True(knifeRow > 0);
        Assert.True(text.IndexOf("8. Metrics for the 3 MOPAC sub-priorities", StringComparison.Ordinal) < knifeRow);
        // ...and before the objective's outcomes, as in 004.
        Assert.True(knifeRow < text.IndexOf("Total NDVWI offences within Bromley have fallen by 12%", StringComparison.Ordinal));
        // The seed prints "-47% (1216)" (639 against 1216 is -47.45%); the tracker writes the previous year's count with a
        // thousands separator. Until the metric's % is rounded once (another branch), it prints -48%, and this fails.
        Assert.StartsWith("-47%", knife[2]);
    }

    [Fact]
    public async Task ReportDocx_QuarterFour2020_RagCellsShadedWithTheWord()
    {
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync("/actions/report.docx?year=2020&quarter=4", PaperFiles.Docx));
        var cells = doc.Body().Descendants<W.TableCell>().ToList();

        var green = cells.Where(c => c.CellText() == "Green").ToList();
        Assert.NotEmpty(green);
        Assert.All(green, c => Assert.Equal("92D050", c.Fill()));
        Assert.All(cells.Where(c => c.CellText() == "Red"), c => Assert.Equal("FF0000", c.Fill()));
        Assert.All(cells.Where(c => c.CellText() == "Amber"), c => Assert.Equal("FFC000", c.Fill()));
        var asb = doc.RowOf("ASB Calls").Elements<W.TableCell>().ToList();
        Assert.Equal("Red", asb[3].CellText());
        Assert.Equal("FF0000", asb[3].Fill());
    }

    [Fact]
    public async Task ReportDocx_Any_ClassificationPageNumbersAndDateProducedOnly()
    {
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync("/actions/report.docx?year=2020&quarter=4", PaperFiles.Docx));

        Assert.Contains("Public", doc.HeaderText());
        Assert.Contains("Public", doc.FooterText());
        Assert.Contains("Produced ", doc.FooterText());
        Assert.Contains("PAGE", doc.FooterFields());
        Assert.Contains("NUMPAGES", doc.FooterFields());
        // Nothing of the web page: no navigation, no print instructions, no links.
        Assert.DoesNotContain("Save as PDF", doc.Text());
        Assert.Empty(doc.Body().Descendants<W.Hyperlink>());
    }

    [Fact]
    public async Task ExportXlsx_QuarterFour2020_SameColumnsAsCsvFrozenFilteredShaded()
    {
        var member = await app.SignInAsync("member");
        using var book = PaperFiles.OpenExcel(await member.GetFileAsync("/actions/export.xlsx?year=2020&quarter=4", PaperFiles.Xlsx, "actions-2020-q4.xlsx"));
        var rows = book.Rows();
        var csv = (await member.GetStringAsync("/actions/export.csv?year=2020&quarter=4")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(StrategyExport.Header, rows[0]);
        Assert.Equal(string.Join(',', StrategyExport.Header), csv[0]);
        Assert.True(rows.Count > 10);
        var sheet = book.Sheet();
        Assert.Equal(S.PaneStateValues.Frozen, sheet.Descendants<S.Pane>().Single().State!.Value);
        Assert.StartsWith("A1:M", sheet.Elements<S.AutoFilter>().Single().Reference!.Value);
        Assert.Equal(13, sheet.Descendants<S.Column>().Count());
        var rag = Array.IndexOf(StrategyExport.Header, "RAG");
        var greenRow = rows.FindIndex(r => r[rag] == "Green");
        Assert.Equal("92D050", book.FillOf(book.CellAt(greenRow, rag)));
    }

    [Theory]
    [InlineData("/actions/report.docx?year=2020&quarter=4")]
    [InlineData("/actions/export.xlsx?year=2020&quarter=4")]
    public async Task Papers_SignedOut_RedirectToSignIn(string url)
    {
        var response = await app.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }
}
