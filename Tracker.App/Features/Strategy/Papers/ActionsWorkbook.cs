using System.Text;
using CsvHelper;
using Tracker.App.Common;
using Tracker.App.Features.Papers;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy.Papers;

/// <summary>
/// The actions export as a spreadsheet: exactly the CSV's columns and rows (it reads them from
/// <see cref="StrategyExport"/>, so the two cannot drift apart), the RAG cell shaded.
/// </summary>
public sealed class ActionsWorkbook(StrategyExport export)
{
    static readonly double[] Widths = [28, 28, 40, 50, 12, 14, 12, 10, 9, 12, 80, 20, 18];

    public static string FileName(FinancialQuarter q) => $"actions-{q.Year}-q{q.Quarter}.xlsx";

    public async Task WriteAsync(Stream stream, FinancialQuarter quarter, int? strategyId, CancellationToken ct)
    {
        var csv = await export.CsvAsync(quarter, strategyId, ct);
        var header = StrategyExport.Header;
        var rag = Array.IndexOf(header, "RAG");
        using var sheet = new XlsxSheet(stream, "Actions", header, Widths.Take(header.Length).Concat(Enumerable.Repeat(20d, Math.Max(0, header.Length - Widths.Length))).ToArray(),
            PaperColours.All);
        using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(csv), new CsvReaderOptions { Separator = ',', HasHeader = false });
        reader.Read(); // the header, written above from the same list
        while (reader.Read())
        {
            var cells = new XlsxCell[header.Length];
            for (var i = 0; i < header.Length; i++)
            {
                // The CSV's guard against formulas is not needed in a cell written as text.
                var text = i < reader.FieldCount ? CsvCells.Restore(reader.GetString(i) ?? "") : "";
                cells[i] = i == rag && Rag.TryParse(text, out var r) ? new XlsxCell(text, Fill: PaperColours.Rag(r)) : new XlsxCell(text);
            }
            sheet.Row(cells);
        }
    }
}
