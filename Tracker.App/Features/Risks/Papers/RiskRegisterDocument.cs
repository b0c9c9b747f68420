using Microsoft.Extensions.Options;
using Tracker.App.Common;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks.Papers;

/// <summary>
/// The risk register as the partnership's Risk Log (001): landscape, every column of the log, the
/// gross, net and target scores as likelihood, severity and score, each score shaded by its band,
/// and "Risk register completed by".
/// </summary>
public sealed class RiskRegisterDocument(RiskRegisterQueries risks, ICurrentUser user, IOptions<PaperSettings> settings, TimeProvider clock)
{
    public const string FileName = "risk-register.docx";

    /// <summary>
    /// The register as the papers show it: open risks, in reference order, direction of travel since <paramref name="since"/>;
    /// with <paramref name="asAt"/> (a meeting's papers deadline), as it stood at the end of that day.
    /// </summary>
    public Task<RiskRegister> LoadAsync(DateOnly? since, CancellationToken ct, DateOnly? asAt = null)
    {
        var filter = new RiskFilter { Sort = "reference", Since = since };
        return asAt is { } day ? risks.GetRegisterAsAtAsync(filter, day, ct) : risks.GetRegisterAsync(filter, ct);
    }

    /// <param name="classification">The marking of the meeting's cover sheet for this paper; the partnership's default otherwise.</param>
    /// <param name="asAt">A meeting pack's papers deadline: the register as it stood then.</param>
    public async Task WriteAsync(Stream stream, DateOnly? since, int? firstPage, CancellationToken ct, Classification? classification = null, DateOnly? asAt = null) =>
        Write(stream, await LoadAsync(since, ct, asAt), firstPage, classification);

    public void Write(Stream stream, RiskRegister register, int? firstPage = null, Classification? classification = null)
    {
        var produced = DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));
        using var doc = new WordPaper(stream, new PaperInfo("Risk register", classification ?? settings.Value.RiskClassification, produced, Landscape: true, FirstPageNumber: firstPage));
        var s = register.Settings;
        const int small = 16;

        var head = doc.Table(5000, 5800, doc.TextWidth - 10800);
        head.Row(new WordCell($"RISK REGISTER FOR: {settings.Value.Partnership}", Bold: true),
            new WordCell($"RISK REGISTER COMPLETED BY: {user.DisplayName}", Bold: true),
            new WordCell($"DATE: {UkDates.Short(produced)}", Bold: true));
        doc.Para($"Scores are likelihood (L) × severity (S) on a {s.MatrixSize} × {s.MatrixSize} matrix. Bands: " +
                 string.Join(", ", Enum.GetValues<RiskBand>().Select(b => $"{b.Label()} {s.Range(b)}")) +
                 $". Direction of travel since {register.Comparison?.Description ?? UkDates.Long(register.Since)}.", sizeHalfPoints: small);
        if (register.AsAt is { } asAt)
            doc.Para($"As at {UkDates.Long(asAt)}, the papers deadline: risks added and changes made after it are not shown.", bold: true, sizeHalfPoints: small);

        int[] widths = [450, 1300, 1150, 1150, 600, 850, 330, 330, 620, 1350, 330, 330, 620, 1350, 800, 750, 850, 330, 330, 620];
        var table = doc.Table(widths);
        WordCell H(string text, bool? merge = true, int span = 1) => new(text, Span: span, Merge: merge, Size: small);
        table.HeaderRow(H("Ref"), H("Risk (uncertainty which may affect CSP objective)"), H("Risk Cause (definite situational facts affecting the objective)"),
            H("Risk Impact (contingent effect on objective)"), H("Risk Category"), H("CSP Group that owns the Risk"),
            H("Gross Risk Score (as if no controls in place)", null, 3), H("Risk Mitigation/Control Measures Put in Place"),
            H("Net Risk Score (ie rating of the risk with controls in place)", null, 3), H("Further Action (ie mitigation/controls) required"),
            H("Control or Action Owner"), H("Action RAG Status"), H("Target Completion Date (DD/MM/YYYY)"),
            H("Target Risk Score (once these actions successfully implemented)", null, 3));
        WordCell C(string text = "") => new(text, Merge: false, Size: small);
        WordCell Sub(string text) => new(text, Size: small, Centred: true);
        table.HeaderRow(C(), C(), C(), C(), C(), C(), Sub("L"), Sub("S"), Sub("Score"), C(), Sub("L"), Sub("S"), Sub("Score"), C(), C(), C(), C(),
            Sub("L"), Sub("S"), Sub("Score"));

        foreach (var r in register.Rows)
        {
            var actions = r.FurtherActions;
            var span = Math.Max(1, actions.Count);
            for (var i = 0; i < span; i++)
            {
                var first = i == 0;
                bool? merge = span == 1 ? null : first;
                WordCell Cell(string text) => new(first ? text : "", Merge: merge, Size: small);
                WordCell[] Score(RiskScore? score)
                {
                    // The Risk Log leaves a score not yet assessed blank; a dash says so on paper.
                    if (score is not { } sc) return [Cell(""), Cell(""), Cell(first ? "–" : "")];
                    var band = s.BandOf(sc.Score);
                    return
                    [
                        Cell(sc.Likelihood.ToString()), Cell(sc.Severity.ToString()),
                        new WordCell(first ? $"{sc.Score}\n{band.Label()}" : "", Bold: true, Fill: PaperColours.Band(band), Merge: merge, Size: small, Centred: true),
                    ];
                }
                var a = i < actions.Count ? actions[i] : null;
                var cells = new List<WordCell>
                {
                    new(first ? r.Reference : "", Bold: true, Merge: merge, Size: small),
                    Cell(r.Title), Cell(r.Cause), Cell(r.Impact), Cell(r.Categories), Cell(r.GroupName),
                };
                cells.AddRange(Score(r.Gross));
                cells.Add(Cell(r.Controls));
                cells.AddRange(Score(r.Net));
                cells.Add(new WordCell(a?.Description ?? "", Size: small));
                cells.Add(new WordCell(a?.Owner ?? "", Size: small));
                cells.Add(a is null ? new WordCell("", Size: small) : new WordCell(a.Rag.Label(), Bold: true, Fill: PaperColours.FurtherAction(a.Rag), Size: small));
                cells.Add(new WordCell(a?.TargetDate is { } d ? UkDates.Short(d) : "", Size: small));
                cells.AddRange(Score(r.Target));
                table.Row(cells.ToArray());
            }
        }
        if (register.Rows.Count == 0) doc.Para("There are no open risks on the register.");
    }
}
