using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Meetings;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Dashboard;

/// <summary>A risk's further action the signed-in person owns.</summary>
public sealed record OwnedFurtherAction(int RiskId, string RiskReference, string Description, DateOnly? TargetDate);

/// <summary>
/// What the signed-in person has due: their action updates for the quarter under review (the same
/// numbers as My updates and the completeness board), and the open matters arising and risks' further
/// actions the minutes and register name them as owner of.
/// </summary>
public sealed record WhatIsDue(MyUpdatesView Updates, IReadOnlyList<MatterRow> Matters, IReadOnlyList<OwnedFurtherAction> FurtherActions)
{
    public bool HasAnything => Updates.Rows.Count > 0 || Matters.Count > 0 || FurtherActions.Count > 0;
}

public sealed class WhatIsDueQueries(IDbContextFactory<TrackerDbContext> dbs, StrategyQueries strategy, MattersArisingService matters)
{
    public async Task<WhatIsDue> MineAsync(CancellationToken ct = default)
    {
        var updates = await strategy.MyUpdatesAsync(ct);
        var log = await matters.LogAsync(MatterView.Mine, ct);
        var initials = log.MyInitials;
        IReadOnlyList<OwnedFurtherAction> furtherActions = [];
        if (!string.IsNullOrEmpty(initials))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            // Owners are initials as in the register's action column ("PS/TS"): matched after loading, as for matters arising.
            var open = await db.FurtherActions.AsNoTracking()
                .Where(a => a.Risk!.Status == RiskStatus.Open && a.Rag != FurtherActionRag.Blue)
                .OrderBy(a => a.TargetDate).ThenBy(a => a.RiskId).ThenBy(a => a.Order)
                .Select(a => new { a.RiskId, a.Risk!.Reference, a.Description, a.Owner, a.TargetDate }).ToListAsync(ct);
            furtherActions = open.Where(a => ActionOwners.Names(a.Owner, initials))
                .Select(a => new OwnedFurtherAction(a.RiskId, a.Reference, a.Description, a.TargetDate)).ToList();
        }
        return new WhatIsDue(updates, log.Matters, furtherActions);
    }
}
