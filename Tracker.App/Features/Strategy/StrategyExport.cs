using Tracker.App.Common;
using System.Text;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>One row per action for a quarter, for partners who work in spreadsheets.</summary>
public sealed class StrategyExport(StrategyQueries queries)
{
    public static readonly string[] Header =
        ["Strategy", "Priority", "Objective", "Action", "Owners", "Lead partner", "Target date", "Year", "Quarter", "RAG", "Update", "Updated by", "Updated at"];

    public async Task<string> CsvAsync(FinancialQuarter quarter, int? strategyId, CancellationToken ct = default)
    {
        var csv = new StringBuilder();
        CsvCells.AppendRow(csv, Header);
        // The strategy asked for, or the strategy of the quarter (the current one for the quarter under review), as the pages show.
        if (await queries.ResolveStrategyIdAsync(strategyId, quarter, ct) is { } id && await queries.LoadAsync(id, quarter, ct) is { } view)
        {
            foreach (var priority in view.Priorities)
            foreach (var objective in priority.Objectives)
            foreach (var action in objective.Actions)
            {
                string[] fields =
                [
                    view.Title, priority.Heading, $"{objective.Number}. {objective.Title}", $"{action.Number} {action.Description}",
                    action.Owners, action.LeadPartner ?? "", action.TargetDate is { } t ? UkDates.Short(t) : "",
                    quarter.FinancialYear, $"Q{quarter.Quarter}", Rag.Word(action.Rag), action.Update?.Narrative ?? "",
                    action.Update?.AuthorName ?? "",
                    action.Update is { } u ? UkDates.ToLondon(u.RecordedAt).ToString("dd/MM/yyyy HH:mm", UkDates.Culture) : "",
                ];
                CsvCells.AppendRow(csv, fields);
            }
        }
        return csv.ToString();
    }
}
