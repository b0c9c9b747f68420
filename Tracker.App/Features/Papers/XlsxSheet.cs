using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tracker.App.Features.Papers;

/// <summary>One cell of a spreadsheet row: text or a number, optionally on a fill colour (hex, no #).</summary>
public readonly record struct XlsxCell(string? Text, double? Number = null, string? Fill = null)
{
    public static implicit operator XlsxCell(string? text) => new(text);
    public static XlsxCell Of(int? number, string? fill = null) => number is { } n ? new(null, n, fill) : new("", null, fill);
}

/// <summary>
/// A one-sheet workbook for partners who work in spreadsheets: a bold header row, frozen, with
/// filters on; set column widths; text wrapped; numbers as numbers. Written straight to a stream.
/// </summary>
public sealed class XlsxSheet : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    readonly SpreadsheetDocument _document;
    readonly WorksheetPart _sheetPart;
    readonly SheetData _data = new();
    readonly string[] _fills;
    readonly int _columns;
    uint _row;

    /// <param name="widths">Column widths in characters.</param>
    /// <param name="fills">Every fill colour the rows will use.</param>
    public XlsxSheet(Stream stream, string sheetName, string[] header, double[] widths, params string[] fills)
    {
        _fills = fills;
        _columns = header.Length;
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        AddStyles(workbook);
        _sheetPart = workbook.AddNewPart<WorksheetPart>();
        _sheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            _data);
        workbook.Workbook.Append(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(_sheetPart) }));
        AddRow(header.Select(h => new XlsxCell(h)).ToArray(), style: 1);
    }

    public void Row(params XlsxCell[] cells) => AddRow(cells, style: null);

    void AddRow(XlsxCell[] cells, uint? style)
    {
        _row++;
        var row = new Row { RowIndex = _row };
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            var cellStyle = style ?? (c.Fill is { } fill ? 3u + (uint)Array.IndexOf(_fills, fill) : 2u);
            var cell = new Cell { CellReference = Column(i) + _row, StyleIndex = cellStyle };
            if (c.Number is { } n)
            {
                cell.CellValue = new CellValue(n);
            }
            else
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(Clean(c.Text ?? "")) { Space = SpaceProcessingModeValues.Preserve });
            }
            row.Append(cell);
        }
        _data.Append(row);
    }

    /// <summary>Characters XML cannot carry are dropped.</summary>
    static string Clean(string text) => new(text.Where(ch => ch is '\t' or '\n' or '\r' || ch >= ' ').ToArray());

    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public void Dispose()
    {
        // Filters on the header row over every row written.
        _sheetPart.Worksheet.InsertAfter(new AutoFilter { Reference = $"A1:{Column(_columns - 1)}{Math.Max(_row, 1)}" }, _data);
        _sheetPart.Worksheet.Save();
        var workbook = _document.WorkbookPart!;
        workbook.Workbook.Append(new DefinedNames(new DefinedName($"'{workbook.Workbook.Sheets!.GetFirstChild<Sheet>()!.Name}'!$A$1:${Column(_columns - 1)}${Math.Max(_row, 1)}")
        {
            Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
        }));
        workbook.Workbook.Save();
        _document.Dispose();
    }

    void AddStyles(WorkbookPart workbook)
    {
        var part = workbook.AddNewPart<WorkbookStylesPart>();
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("D9D9D9"));
        foreach (var f in _fills) fills.Append(Solid(f));
        var wrapTop = () => new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top };
        var formats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat(wrapTop()) { FontId = 1, FillId = 2, BorderId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(wrapTop()) { FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true });
        for (var i = 0; i < _fills.Length; i++)
            formats.Append(new CellFormat(wrapTop()) { FontId = 0, FillId = (uint)(3 + i), BorderId = 0, ApplyFill = true, ApplyAlignment = true });
        part.Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
                new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" })),
            fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
            formats);
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = "FF" + rgb }, new BackgroundColor { Indexed = 64 })
        {
            PatternType = PatternValues.Solid,
        });
    }
}
