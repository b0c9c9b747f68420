using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tracker.Domain.Common;

namespace Tracker.App.Features.Papers;

/// <summary>What every paper's header and footer carries.</summary>
/// <param name="Title">The paper's title, in the footer.</param>
/// <param name="FirstPageNumber">For a paper in a meeting pack: the pack's page number of its first page.</param>
public sealed record PaperInfo(string Title, Classification Classification, DateOnly Produced, bool Landscape = false, int? FirstPageNumber = null);

/// <summary>
/// A Word document written straight to a stream with the partnership's plain paper styles: Arial,
/// the classification at the top and bottom of every page, page numbers and the date produced in
/// the footer. Areas build their papers with it; nothing of the web page goes in.
/// </summary>
public sealed class WordPaper : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A4 in twentieths of a point, less 2 cm margins either side.</summary>
    const int A4Short = 11906, A4Long = 16838, Margin = 1134;

    readonly WordprocessingDocument _document;
    readonly Body _body;
    readonly PaperInfo _info;

    public WordPaper(Stream stream, PaperInfo info)
    {
        _info = info;
        _document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = _document.AddMainDocumentPart();
        _body = new Body();
        main.Document = new Document(_body);
        AddStyles(main);
        _document.PackageProperties.Title = info.Title;
        _document.PackageProperties.Creator = "Safer Bromley Partnership tracker";
    }

    /// <summary>The usable width of the page, in twentieths of a point, for table columns.</summary>
    public int TextWidth => (_info.Landscape ? A4Long : A4Short) - 2 * Margin;

    public PaperInfo Info => _info;

    // ---- Text ----

    public Paragraph Heading(string text, int level = 1, bool centred = false)
    {
        var p = Para(text, style: $"Heading{level}");
        if (centred) p.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Center };
        return p;
    }

    /// <summary>A paragraph; the text's line breaks become breaks within it.</summary>
    public Paragraph Para(string text, bool bold = false, bool italic = false, string? style = null, int? sizeHalfPoints = null,
        JustificationValues? align = null, bool keepWithNext = false)
    {
        var p = MakePara(text, bold, italic, style, sizeHalfPoints, align, keepWithNext);
        _body.Append(p);
        return p;
    }

    /// <summary>"Label: value", the label bold, as a cover sheet sets its fields out.</summary>
    public Paragraph Field(string label, string value)
    {
        var p = new Paragraph(new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "120" } });
        p.Append(MakeRun(label + " ", bold: true));
        AppendText(p, value, bold: false, italic: false, size: null);
        _body.Append(p);
        return p;
    }

    /// <summary>Several paragraphs from text with blank lines between them.</summary>
    public void Paragraphs(string text)
    {
        foreach (var block in Blocks(text)) Para(block);
    }

    public void Rule() => _body.Append(new Paragraph(new ParagraphProperties(
        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
        new SpacingBetweenLines { After = "120" })));

    public void PageBreak() => _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    // ---- Tables ----

    /// <summary>A bordered table with the given column widths (twentieths of a point); the header row repeats on each page.</summary>
    public WordTable Table(params int[] widths)
    {
        var table = new Table();
        table.Append(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        _body.Append(table);
        // A paragraph after every table, as Word requires between a table and what follows.
        _body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
        return new WordTable(table, widths);
    }

    // ---- Finishing ----

    /// <summary>Adds the header, footer and page set-up and writes the document to the stream.</summary>
    public void Dispose()
    {
        var main = _document.MainDocumentPart!;
        var marking = _info.Classification.Label();

        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(MakePara(marking, bold: true, italic: false, style: "Header", size: null,
            align: JustificationValues.Center, keepWithNext: false));

        var footer = main.AddNewPart<FooterPart>();
        var pageLine = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" },
            new Justification { Val = JustificationValues.Center }));
        pageLine.Append(MakeRun("Page "));
        pageLine.Append(new SimpleField(MakeRun("1")) { Instruction = " PAGE " });
        if (_info.FirstPageNumber is null)
        {
            // Within a pack the numbers run on through the papers, so "of N" would mislead.
            pageLine.Append(MakeRun(" of "));
            pageLine.Append(new SimpleField(MakeRun("1")) { Instruction = " NUMPAGES " });
        }
        footer.Footer = new Footer(
            pageLine,
            MakePara($"{_info.Title} · Produced {UkDates.Long(_info.Produced)}", false, false, "Footer", null, JustificationValues.Center, false),
            MakePara(marking, true, false, "Footer", null, JustificationValues.Center, false));

        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            _info.Landscape
                ? new PageSize { Width = A4Long, Height = A4Short, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = A4Short, Height = A4Long },
            new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 });
        if (_info.FirstPageNumber is { } first) section.Append(new PageNumberType { Start = first });
        _body.Append(section);
        main.Document.Save();
        _document.Dispose();
    }

    // ---- Building blocks ----

    internal static IEnumerable<string> Blocks(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(b => b.Length > 0);

    internal static Paragraph MakePara(string text, bool bold = false, bool italic = false, string? style = null, int? size = null,
        JustificationValues? align = null, bool keepWithNext = false, int? spacingAfter = null)
    {
        // Typed properties keep the elements in the order the schema requires.
        var props = new ParagraphProperties();
        if (style is not null) props.ParagraphStyleId = new ParagraphStyleId { Val = style };
        if (keepWithNext) props.KeepNext = new KeepNext();
        if (spacingAfter is { } after) props.SpacingBetweenLines = new SpacingBetweenLines { After = after.ToString() };
        if (align is { } a) props.Justification = new Justification { Val = a };
        var p = new Paragraph(props);
        AppendText(p, text, bold, italic, size);
        return p;
    }

    static void AppendText(Paragraph p, string text, bool bold, bool italic, int? size)
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = MakeRun(lines[i], bold, italic, size);
            // A line break goes after the run's properties, which must come first.
            if (i > 0 && run.RunProperties is { } props) run.InsertAfter(new Break(), props);
            else if (i > 0) run.PrependChild(new Break());
            p.Append(run);
        }
    }

    internal static Run MakeRun(string text, bool bold = false, bool italic = false, int? size = null, string? colour = null)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (colour is not null) props.Append(new Color { Val = colour });
        if (size is { } s) props.Append(new FontSize { Val = s.ToString() });
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        Style ParagraphStyle(string id, string name, int size, bool bold, int before, int after, int? outline = null)
        {
            var pPr = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() });
            if (outline is { } o) pPr.Append(new OutlineLevel { Val = o });
            var rPr = new StyleRunProperties(new FontSize { Val = size.ToString() });
            if (bold) rPr.PrependChild(new Bold());
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(), pPr, rPr) { Type = StyleValues.Paragraph, StyleId = id };
        }
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "259", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            ParagraphStyle("Title", "Title", 32, true, 0, 240),
            ParagraphStyle("Heading1", "heading 1", 28, true, 240, 120, 0),
            ParagraphStyle("Heading2", "heading 2", 24, true, 200, 100, 1),
            ParagraphStyle("Heading3", "heading 3", 22, true, 160, 80, 2),
            new Style(new StyleName { Val = "header" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new StyleRunProperties(new FontSize { Val = "18" })) { Type = StyleValues.Paragraph, StyleId = "Header" },
            new Style(new StyleName { Val = "footer" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new StyleRunProperties(new FontSize { Val = "16" })) { Type = StyleValues.Paragraph, StyleId = "Footer" });
    }
}

/// <summary>A table being filled row by row.</summary>
public sealed class WordTable(Table table, int[] widths)
{
    /// <summary>The header row: bold on grey, repeated at the top of each page.</summary>
    public TableRow Header(params string[] cells)
    {
        var row = Row(cells.Select(c => new WordCell(c, Bold: true, Fill: "D9D9D9")).ToArray());
        row.PrependChild(new TableRowProperties(new TableHeader(), new CantSplit()));
        return row;
    }

    /// <summary>A header row of cells with spans or merges (a two-row header), repeated on each page.</summary>
    public TableRow HeaderRow(params WordCell[] cells)
    {
        var row = Row(cells.Select(c => c with { Bold = true, Fill = c.Fill ?? "D9D9D9" }).ToArray());
        row.PrependChild(new TableRowProperties(new TableHeader(), new CantSplit()));
        return row;
    }

    public TableRow Row(params string[] cells) => Row(cells.Select(c => new WordCell(c)).ToArray());

    public TableRow Row(params WordCell[] cells)
    {
        var row = new TableRow();
        var column = 0;
        foreach (var cell in cells)
        {
            var width = widths.Skip(column).Take(cell.Span).Sum();
            column += cell.Span;
            var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
            if (cell.Span > 1) props.Append(new GridSpan { Val = cell.Span });
            if (cell.Merge is { } merge) props.Append(new VerticalMerge { Val = merge ? MergedCellValues.Restart : MergedCellValues.Continue });
            if (cell.Fill is { } fill) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
            var tc = new TableCell(props);
            var blocks = WordPaper.Blocks(cell.Text).ToList();
            if (blocks.Count == 0) blocks.Add("");
            foreach (var block in blocks)
            {
                tc.Append(WordPaper.MakePara(block, cell.Bold, cell.Italic, null, cell.Size,
                    cell.Centred ? JustificationValues.Center : null, spacingAfter: 60));
            }
            row.Append(tc);
        }
        table.Append(row);
        return row;
    }
}

/// <summary>One cell: its text, and optionally bold, a fill colour (hex, no #), a span of columns or a vertical merge.</summary>
public sealed record WordCell(string Text, bool Bold = false, string? Fill = null, int Span = 1, bool? Merge = null,
    bool Italic = false, bool Centred = false, int? Size = null);
