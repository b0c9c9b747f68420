using Tracker.App.Live;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>What the register, its heat map and the dashboard panel are computed from.</summary>
/// <remarks>Shared between requests: read it, never change it.</remarks>
public sealed record RiskData(
    RiskSettings Settings,
    IReadOnlyList<RiskCategory> Categories,
    IReadOnlyList<Risk> Risks,
    IReadOnlyDictionary<int, string> GroupNames,
    IReadOnlyList<(int Id, string Name)> GroupOptions,
    IReadOnlyList<DateOnly> ReviewDates);

/// <summary>
/// The register's data in memory (see <see cref="CommittedDataCache{T}"/>): loading it took about
/// ten queries a request. Risks, their children, reviews, settings and categories are the "risks"
/// area; group names are "people".
/// </summary>
public sealed class RiskDataCache(ChangeFeed feed) : CommittedDataCache<RiskData>(feed, "risks", "people");
