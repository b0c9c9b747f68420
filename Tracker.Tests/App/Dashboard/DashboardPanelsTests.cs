using Tracker.App.Features.Dashboard;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.People;
using Tracker.App.Features.Risks;
using Tracker.App.Features.Strategy;

namespace Tracker.Tests.App.Dashboard;

public sealed class DashboardPanelsTests
{
    [Fact]
    public void All_Order_MattersArisingThenStrategyThenRisksThenPartnership() =>
        Assert.Equal([typeof(MattersPanel), typeof(StrategyPanel), typeof(RisksPanel), typeof(PartnershipPanel)], DashboardPanels.All);
}
