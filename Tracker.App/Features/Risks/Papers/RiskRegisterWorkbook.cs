using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks.Papers;

/// <summary>The risk register as a spreadsheet: one row per risk under a header row, filters on, the header frozen, scores as numbers shaded by band.</summary>
public sealed class RiskRegisterWorkbook(RiskRegisterQueries risks)
{
    public const string FileName = "risk-register.xlsx";

    public static readonly string[] Header =
    [
        "Ref", "Risk", "Risk cause", "Risk impact", "Risk category", "CSP group that owns the risk",
        "Gross L", "Gross S", "Gross score", "Gross band", "Controls in place",
        "Net L", "Net S", "Net score", "Net band", "Further action required",
        "Target L", "Target S", "Target score", "Target band", "Next review", "Status", "Direction of travel",
    ];

    static readonly double[] Widths = [7, 40, 40, 40, 12, 24, 8, 8, 10, 11, 50, 8, 8, 10, 11, 60, 9, 9, 11, 11, 12, 9, 14];

    public async Task WriteAsync(Stream stream, CancellationToken ct)
    {
        var register = await risks.GetRegisterAsync(new RiskFilter { Sort = "reference", Status = "all" }, ct);
        var s = register.Settings;
        using var sheet = new XlsxSheet(stream, "Risk register", Header, Widths, PaperColours.All);
        foreach (var r in register.Rows)
        {
            IEnumerable<XlsxCell> Score(RiskScore? score)
            {
                if (score is not { } sc) return [XlsxCell.Of(null), XlsxCell.Of(null), XlsxCell.Of(null), new XlsxCell("Not yet assessed")];
                var band = s.BandOf(sc.Score);
                var fill = PaperColours.Band(band);
                return [XlsxCell.Of(sc.Likelihood), XlsxCell.Of(sc.Severity), XlsxCell.Of(sc.Score, fill), new XlsxCell(band.Label(), Fill: fill)];
            }
            var actions = string.Join("\n", r.FurtherActions.Select(a =>
                $"{a.Description} ({string.Join("; ", new[] { a.Owner, a.Rag.Label(), a.TargetDate is { } d ? UkDates.Short(d) : null }.Where(x => !string.IsNullOrWhiteSpace(x)))})"));
            var cells = new List<XlsxCell> { r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.GroupName };
            cells.AddRange(Score(r.Gross));
            cells.Add(r.Controls);
            cells.AddRange(Score(r.Net));
            cells.Add(actions);
            cells.AddRange(Score(r.Target));
            cells.Add(r.NextReviewDate is { } due ? UkDates.Short(due) : "");
            cells.Add(r.Status.ToString());
            cells.Add(r.Direction.Word());
            sheet.Row(cells.ToArray());
        }
    }
}
