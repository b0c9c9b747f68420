using Tracker.App.Features.Meetings;
using Tracker.App.Features.People;
using Tracker.App.Features.Strategy;
using Tracker.App.Features.Risks;

namespace Tracker.App.Features.Dashboard;

/// <summary>The dashboard's panels, one per area, in the order they appear.</summary>
public static class DashboardPanels
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(MattersPanel),
        typeof(StrategyPanel),
        typeof(RisksPanel),
        typeof(PartnershipPanel),
    ];
}
