using Microsoft.Extensions.Options;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy.Papers;

/// <summary>
/// The quarterly progress report as 004 lays it out: for each priority a two-column table of
/// Progress and Rag Status — the priority, its partner and description, each objective with its
/// actions' narratives — RAG as a shaded cell with the word, and the metrics table under the
/// objective it belongs to.
/// </summary>
public sealed class ProgressReportDocument(StrategyQueries queries, IOptions<PaperSettings> settings, TimeProvider clock)
{
    static readonly string[] Words = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];

    public static string PriorityWord(int n) => n is >= 1 and <= 10 ? Words[n - 1] : n.ToString();

    /// <summary>"Quarter Four – Progress Against Priority One of the Safer Bromley Partnership Strategy 2020–23"</summary>
    public static string Heading(FinancialQuarter quarter, int priority, string strategyTitle) =>
        $"Quarter {quarter.Label.Split(' ')[1]} – Progress Against Priority {PriorityWord(priority)} of the {strategyTitle}";

    public static string FileName(FinancialQuarter q) => $"progress-report-{q.Year}-q{q.Quarter}.docx";

    /// <summary>The strategy asked for (or the strategy of the quarter: the current one for the quarter under review) in a quarter; null when there is no strategy.</summary>
    public async Task<StrategyView?> LoadAsync(FinancialQuarter quarter, int? strategyId, CancellationToken ct, DateTimeOffset? asAt = null)
    {
        if (await queries.ResolveStrategyIdAsync(strategyId, quarter, ct) is not { } id) return null;
        return await queries.LoadAsync(id, quarter, ct, asAt);
    }

    /// <param name="classification">The marking of the meeting's cover sheet for this paper; the partnership's default otherwise.</param>
    /// <param name="asAt">A meeting pack's papers deadline: updates recorded after it are left out.</param>
    public async Task<bool> WriteAsync(Stream stream, FinancialQuarter quarter, int? strategyId, int? firstPage, CancellationToken ct,
        Classification? classification = null, DateTimeOffset? asAt = null)
    {
        if (await LoadAsync(quarter, strategyId, ct, asAt) is not { } view) return false;
        // The cut-off is the first instant after the deadline day ends: the day before it is the deadline.
        Write(stream, view, firstPage, classification, asAt is { } at ? DateOnly.FromDateTime(UkDates.ToLondon(at.AddTicks(-1))) : null);
        return true;
    }

    /// <param name="asAt">The papers deadline the report stands at, said at its head.</param>
    public void Write(Stream stream, StrategyView view, int? firstPage = null, Classification? classification = null, DateOnly? asAt = null)
    {
        var produced = DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));
        var title = $"{view.Quarter.Label} progress report";
        using var doc = new WordPaper(stream, new PaperInfo(title, classification ?? settings.Value.DefaultClassification, produced, FirstPageNumber: firstPage));
        var rag = 1800;
        var progress = doc.TextWidth - rag;

        doc.Para(settings.Value.Partnership, bold: true, align: DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center);
        doc.Para($"{view.Title}: progress report for {view.Quarter.Label} ({UkDates.Long(view.Quarter.Start)} to {UkDates.Long(view.Quarter.End)})",
            align: DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center);
        if (asAt is { } day)
            doc.Para($"As at {UkDates.Long(day)}, the papers deadline: updates, figures and overrides recorded after it are not shown.", bold: true,
                align: DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center);

        var metricsLeft = view.Metrics.ToList();
        var aboutMetrics = view.Priorities.SelectMany(p => p.Objectives)
            .FirstOrDefault(o => o.Title.Contains("Metric", StringComparison.OrdinalIgnoreCase));
        foreach (var priority in view.Priorities)
        {
            var table = doc.Table(progress, rag);
            table.Header(Heading(view.Quarter, priority.Number, view.Title), "Rag Status");
            var intro = $"{priority.Heading}";
            table.Row(new WordCell(intro, Bold: true), RagCell(priority.RollUp.Effective));
            if (priority.LeadPartner is not null) table.Row(new WordCell($"Partner – {PartnerShort(priority.LeadPartner)}", Bold: true), new WordCell(""));
            if (!string.IsNullOrWhiteSpace(priority.Description)) table.Row(priority.Description, "");

            // As 004: the whole metrics table sits under the objective about the metrics ("8. Metrics for the 3
            // MOPAC sub-priorities"); without one, each priority's metrics go under its last objective.
            var metrics = aboutMetrics is null ? metricsLeft.Where(m => m.Priority == priority.Heading).ToList() : metricsLeft.ToList();
            var metricsObjective = aboutMetrics ?? priority.Objectives.LastOrDefault();
            foreach (var objective in priority.Objectives)
            {
                var text = $"{objective.Number}. {objective.Title}";
                table.Row(new WordCell(text, Bold: true), RagCell(objective.RollUp.Effective));
                var about = new List<string>();
                if (objective.SubPriority is not null) about.Add($"Sub-priority: {objective.SubPriority}");
                if (!string.IsNullOrWhiteSpace(objective.Description)) about.Add(objective.Description);
                if (objective.RollUp.IsOverridden) about.Add($"RAG overridden from {Rag.Word(objective.RollUp.Computed)}: {objective.RollUp.OverrideReason}");
                if (about.Count > 0) table.Row(string.Join("\n\n", about), "");
                if (objective == metricsObjective && metrics.Count > 0)
                {
                    // As 004: the objective's text, its metrics table, then its actions' outcomes.
                    metricsLeft.RemoveAll(metrics.Contains);
                    WriteMetrics(doc, metrics);
                    if (objective.Actions.Count == 0 && objective == priority.Objectives[^1]) continue;
                    table = doc.Table(progress, rag);
                    table.Header(Heading(view.Quarter, priority.Number, view.Title), "Rag Status");
                }
                foreach (var action in objective.Actions)
                {
                    var narrative = action.Update is { } u ? u.Narrative : $"No update was given for {view.Quarter.Label}.";
                    table.Row(new WordCell($"{action.Description}\n\n{narrative}"), RagCell(action.Rag));
                }
            }
        }
        if (metricsLeft.Count > 0)
        {
            doc.Heading("Performance metrics", 2);
            WriteMetrics(doc, metricsLeft);
        }
    }

    static void WriteMetrics(WordPaper doc, IReadOnlyList<MetricRow> metrics)
    {
        var w = doc.TextWidth;
        var table = doc.Table(w * 40 / 100, w * 20 / 100, w * 22 / 100, w - w * 82 / 100);
        table.Header("Category", $"{metrics[0].PeriodLabel} Numbers", "% difference Rolling Year", "RAG Status");
        foreach (var m in metrics)
        {
            var rag = m.Override is null ? Rag.Word(m.Rag) : $"{Rag.Word(m.Rag)} (overridden: {m.OverrideReason})";
            table.Row(new WordCell(m.Name), new WordCell(m.Count.ToString("N0", UkDates.Culture)), new WordCell(m.ChangeText),
                new WordCell(rag, Bold: true, Fill: PaperColours.Rag(m.Rag)));
        }
    }

    static WordCell RagCell(RagStatus? rag) => new(Rag.Word(rag), Bold: true, Fill: PaperColours.Rag(rag), Centred: true);

    // The papers name the partner briefly: "Partner – Police".
    static string PartnerShort(string name) => name is "Metropolitan Police Service" or "MPS" ? "Police" : name;
}
