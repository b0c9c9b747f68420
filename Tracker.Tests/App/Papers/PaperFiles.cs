using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Tracker.Tests.App.Papers;

/// <summary>Reading the generated papers back in the tests: Word text, cells and shading; spreadsheet rows; PDF text.</summary>
public static class PaperFiles
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Where the tests leave copies of the papers, to render and look at.</summary>
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "tracker-papers");

    public static async Task<byte[]> GetFileAsync(this HttpClient client, string url, string contentType, string? keepAs = null)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (keepAs is not null)
        {
            Directory.CreateDirectory(Folder);
            await File.WriteAllBytesAsync(Path.Combine(Folder, keepAs), bytes);
        }
        return bytes;
    }

    public static WordprocessingDocument OpenWord(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    public static W.Body Body(this WordprocessingDocument doc) => doc.MainDocumentPart!.Document.Body!;

    /// <summary>Every paragraph's text, one a line.</summary>
    public static string Text(this WordprocessingDocument doc) =>
        string.Join("\n", doc.Body().Descendants<W.Paragraph>().Select(ParagraphText));

    static string ParagraphText(W.Paragraph p) =>
        string.Concat(p.Descendants().Select(e => e switch { W.Text t => t.Text, W.Break => "\n", W.TabChar => "\t", _ => "" }));

    public static string CellText(this W.TableCell cell) => string.Join("\n", cell.Elements<W.Paragraph>().Select(ParagraphText));

    public static string? Fill(this W.TableCell cell) => cell.TableCellProperties?.Shading?.Fill?.Value;

    /// <summary>The first table row whose first cells' text contains <paramref name="text"/>.</summary>
    public static W.TableRow Row(this WordprocessingDocument doc, string text) =>
        doc.Body().Descendants<W.TableRow>().First(r => r.Elements<W.TableCell>().Any(c => c.CellText().Contains(text)));

    /// <summary>The first table row whose first cell is exactly <paramref name="text"/>.</summary>
    public static W.TableRow RowOf(this WordprocessingDocument doc, string text) =>
        doc.Body().Descendants<W.TableRow>().First(r => r.Elements<W.TableCell>().First().CellText() == text);

    public static IReadOnlyList<string> Cells(this W.TableRow row) => row.Elements<W.TableCell>().Select(c => c.CellText()).ToList();

    public static string HeaderText(this WordprocessingDocument doc) => string.Join("\n", doc.MainDocumentPart!.HeaderParts.Select(h => h.Header!.InnerText));

    public static string FooterText(this WordprocessingDocument doc) => string.Join("\n", doc.MainDocumentPart!.FooterParts.Select(f => f.Footer!.InnerText));

    public static IEnumerable<string> FooterFields(this WordprocessingDocument doc) =>
        doc.MainDocumentPart!.FooterParts.SelectMany(f => f.Footer!.Descendants<W.SimpleField>()).Select(f => f.Instruction!.Value!.Trim());

    // ---- Spreadsheets ----

    public static SpreadsheetDocument OpenExcel(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public static Worksheet Sheet(this SpreadsheetDocument doc) => doc.WorkbookPart!.WorksheetParts.Single().Worksheet;

    /// <summary>The rows as text (inline strings and numbers as written).</summary>
    public static List<List<string>> Rows(this SpreadsheetDocument doc) =>
        doc.Sheet().Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();

    public static Cell CellAt(this SpreadsheetDocument doc, int row, int column) =>
        doc.Sheet().Descendants<Row>().ElementAt(row).Elements<Cell>().ElementAt(column);

    /// <summary>The fill colour (RRGGBB) of a cell's style, or null.</summary>
    public static string? FillOf(this SpreadsheetDocument doc, Cell cell)
    {
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var fill = styles.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value);
        return fill.PatternFill?.ForegroundColor?.Rgb?.Value?[2..];
    }

    // ---- PDF (poppler-utils) ----

    public static bool HasSoffice => OnPath("soffice") && OnPath("pdftotext");

    static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, name)));

    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
