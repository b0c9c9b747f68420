using Tracker.App.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>One row per action for a quarter, for partners who work in spreadsheets.</summary>
public sealed class StrategyExport(IDbContextFactory<TrackerDbContext> dbs, StrategyQueries queries)
{
    public static readonly string[] Header =
        ["Strategy", "Priority", "Objective", "Action", "Owners", "Lead partner", "Target date", "Year", "Quarter", "RAG", "Update", "Updated by", "Updated at"];

    public async Task<string> CsvAsync(FinancialQuarter quarter, int? strategyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ids = strategyId is { } one ? [one]
            : await db.Strategies.AsNoTracking().Where(s => !s.IsRetired).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var csv = new StringBuilder();
        CsvCells.AppendRow(csv, Header);
        foreach (var id in ids)
        {
            if (await queries.LoadAsync(id, quarter, ct) is not { } view) continue;
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
