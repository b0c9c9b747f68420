using Tracker.App.Features.Meetings;
using Tracker.App.Features.People;
using Tracker.App.Features.Strategy;
using Tracker.App.Features.Risks;

namespace Tracker.App.Features.Dashboard;

/// <summary>A panel of the dashboard and the live topic whose changes it shows.</summary>
public sealed record DashboardPanel(Type Component, string Topic);

/// <summary>The dashboard's panels, one per area, in the order they appear.</summary>
public static class DashboardPanels
{
    public static readonly IReadOnlyList<DashboardPanel> Panels =
    [
        new(typeof(MattersPanel), "matters-arising"),
        new(typeof(StrategyPanel), "strategy"),
        new(typeof(RisksPanel), "risks"),
        new(typeof(PartnershipPanel), "people"),
    ];

    public static readonly IReadOnlyList<Type> All = [.. Panels.Select(p => p.Component)];

    /// <summary>The topics the dashboard follows: every panel's.</summary>
    public static readonly string[] Topics = [.. Panels.Select(p => p.Topic).Distinct()];
}

public static class DashboardServices
{
    public static void AddDashboard(this IServiceCollection services) => services.AddScoped<WhatIsDueQueries>();
}
