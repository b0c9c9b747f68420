using Tracker.App.Live;
using Tracker.Domain.Risks;
using Direction = Tracker.Domain.Risks.Direction;

namespace Tracker.App.Features.Risks;

/// <summary>The matrix and appetite as read records carry them; readers get their own <see cref="RiskSettings"/> copy.</summary>
public sealed record RiskMatrix(int MatrixSize, int LowMax, int MediumMax, int HighMax,
    int AverseMax, int MinimalMax, int CautiousMax, int OpenMax, int EagerMax)
{
    public static RiskMatrix From(RiskSettings s) =>
        new(s.MatrixSize, s.LowMax, s.MediumMax, s.HighMax, s.AverseMax, s.MinimalMax, s.CautiousMax, s.OpenMax, s.EagerMax);

    /// <summary>A fresh, unattached settings object for one reader: the shared record itself is never handed out to change.</summary>
    public RiskSettings ToSettings() => new()
    {
        MatrixSize = MatrixSize, LowMax = LowMax, MediumMax = MediumMax, HighMax = HighMax,
        AverseMax = AverseMax, MinimalMax = MinimalMax, CautiousMax = CautiousMax, OpenMax = OpenMax, EagerMax = EagerMax,
    };
}

/// <summary>One risk as the register reads it: its fields, its dated assessments (oldest first), further actions and reviews.</summary>
public sealed record RiskRecord(
    int Id,
    int Version,
    string Reference,
    string Title,
    string Cause,
    string Impact,
    string Categories,
    int OwnerGroupId,
    RiskScore Gross,
    string Controls,
    RiskScore? Net,
    RiskScore? Target,
    int ReviewFrequencyMonths,
    DateOnly? NextReviewDate,
    RiskStatus Status,
    string? ClosingNote,
    IReadOnlyList<AssessmentRow> Assessments,
    IReadOnlyList<FurtherActionRow> FurtherActions,
    IReadOnlyList<ReviewRow> Reviews)
{
    public IReadOnlyList<string> CategoryCodes => Risk.SplitCategories(Categories);
    public RiskScore Current => Net ?? Gross;
    public bool IsReviewOverdue(DateOnly today) => Status == RiskStatus.Open && NextReviewDate is { } due && due < today;

    public Direction DirectionSince(DateOnly since) =>
        DirectionOfTravel.Since(Assessments.Select(a => (a.On, a.Current.Score)).ToList(), since);

    public RiskScore? ScoreOf(ScoreKind kind) => kind switch
    {
        ScoreKind.Gross => Gross,
        ScoreKind.Net => Net,
        _ => Target,
    };
}

/// <summary>What the register, its heat maps, the review and the dashboard panel are computed from.</summary>
/// <remarks>Shared between circuits: immutable records only, never EF entities.</remarks>
public sealed record RiskData(
    RiskMatrix Matrix,
    IReadOnlyList<RiskCategoryRow> Categories,
    IReadOnlyList<RiskRecord> Risks,
    IReadOnlyDictionary<int, string> GroupNames,
    IReadOnlyList<(int Id, string Name)> GroupOptions,
    IReadOnlyList<DateOnly> ReviewDates);

/// <summary>
/// The register's data in memory (see <see cref="CommittedDataCache{T}"/>): loading it took about
/// ten queries a request. Risks, their children, reviews, settings and categories are the "risks"
/// area; group names are "people".
/// </summary>
public sealed class RiskDataCache(ChangeFeed feed) : CommittedDataCache<RiskData>(feed, "risks", "people");
