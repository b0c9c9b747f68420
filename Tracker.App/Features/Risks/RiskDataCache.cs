using System.Collections.Immutable;
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
/// <remarks>Shared between circuits: immutable records only, never EF entities. Risks in id order.</remarks>
public sealed record RiskData(
    RiskMatrix Matrix,
    IReadOnlyList<RiskCategoryRow> Categories,
    IReadOnlyList<RiskRecord> Risks,
    IReadOnlyDictionary<int, string> GroupNames,
    IReadOnlyList<(int Id, string Name)> GroupOptions,
    IReadOnlyList<DateOnly> ReviewDates)
{
    /// <summary>The data with its risks (in id order), and the dates of their reviews, as one snapshot.</summary>
    public static RiskData Create(RiskMatrix matrix, IReadOnlyList<RiskCategoryRow> categories, IEnumerable<RiskRecord> risks,
        IReadOnlyDictionary<int, string> groupNames, IReadOnlyList<(int Id, string Name)> groupOptions)
    {
        var ordered = risks.OrderBy(r => r.Id).ToList();
        return new RiskData(matrix, categories, ordered, groupNames, groupOptions,
            ordered.SelectMany(r => r.Reviews).Select(v => v.On).Distinct().ToList());
    }

    /// <summary>
    /// A new snapshot in which the risks <paramref name="changed"/> are as <paramref name="reloaded"/> has them
    /// (a risk changed but not reloaded was deleted); every other risk, the matrix, categories and groups are
    /// shared with this one, which is left as it was.
    /// </summary>
    public RiskData WithRisks(IReadOnlyCollection<int> changed, IReadOnlyList<RiskRecord> reloaded) =>
        Create(Matrix, Categories, Risks.Where(r => !changed.Contains(r.Id)).Concat(reloaded), GroupNames, GroupOptions);
}

/// <summary>
/// The register's data in memory: loading it took about ten queries a request, and at 1,000 risks a whole
/// reload costs 70 ms of CPU, so a saved risk is reloaded on its own. Like <see cref="CommittedDataCache{T}"/>
/// a copy older than the last commit is never served: it is stamped with the change feed's versions of
/// "risks" and "people" and with the changes this cache has heard of. A change to one risk (the risk, its
/// assessments, further actions or reviews: the event's key is the risk's id) reloads that risk into a new
/// snapshot; anything else (the matrix, a category, groups and people, a relay that lost track, a failed load)
/// reloads everything.
/// </summary>
/// <remarks>
/// The cache follows "risks" from the moment it is made (at start-up, <see cref="RiskEndpoints.MapRiskEndpoints"/>),
/// so it hears a commit before the circuits that reload on it. One load at a time per state, as in
/// <see cref="CommittedDataCache{T}"/>: readers that miss while a load is under way wait for it.
/// </remarks>
public sealed class RiskDataCache : IDisposable
{
    sealed record Entry(long Risks, long People, long Heard, Task<RiskData> Data);

    readonly ChangeFeed _feed;
    readonly IDisposable _following;
    readonly Lock _gate = new();
    Entry? _entry;
    long _heard;                       // changes heard so far
    ImmutableHashSet<int> _changed = []; // risks changed since the last load began
    bool _everything;                  // a change that no single risk's reload covers

    public RiskDataCache(ChangeFeed feed)
    {
        _feed = feed;
        _following = feed.Subscribe("risks", Heard);
        feed.ReloadRequested += EverythingChanged;
    }

    void Heard(ChangeEvent change)
    {
        lock (_gate)
        {
            if (change.Area == "risks" && int.TryParse(change.Key, out var id)) _changed = _changed.Add(id);
            else _everything = true;
            Interlocked.Increment(ref _heard);
        }
    }

    void EverythingChanged()
    {
        lock (_gate)
        {
            _everything = true;
            Interlocked.Increment(ref _heard);
        }
    }

    /// <summary>The current snapshot: <paramref name="loadAll"/> loads everything, <paramref name="loadRisks"/> the risks with these ids that still exist.</summary>
    public async Task<RiskData> GetAsync(Func<CancellationToken, Task<RiskData>> loadAll,
        Func<IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyList<RiskRecord>>> loadRisks, CancellationToken ct)
    {
        while (true)
        {
            var risks = _feed.VersionOf("risks");
            var people = _feed.VersionOf("people");
            var entry = Volatile.Read(ref _entry);
            if (entry is not null && entry.Risks >= risks && entry.People >= people && entry.Heard >= Interlocked.Read(ref _heard)
                && !entry.Data.IsFaulted && !entry.Data.IsCanceled)
                return entry.Data.IsCompletedSuccessfully ? entry.Data.Result : await entry.Data.WaitAsync(ct);

            // Start a load, stamped with exactly the changes it takes on: a change heard from here on moves
            // _heard past the stamp, so the next reader loads again. The database is read after this point.
            var loading = new TaskCompletionSource<RiskData>(TaskCreationOptions.RunContinuationsAsynchronously);
            Entry mine;
            ImmutableHashSet<int> changed;
            bool everything;
            lock (_gate)
            {
                mine = new Entry(risks, people, _heard, loading.Task);
                if (Interlocked.CompareExchange(ref _entry, mine, entry) != entry) continue; // another request started a load
                changed = _changed;
                everything = _everything;
                _changed = [];
                _everything = false;
            }
            try
            {
                RiskData data;
                var previous = entry is { Data.IsCompletedSuccessfully: true } && entry.People == people ? entry.Data.Result : null;
                // A version moved with nothing heard (a commit whose event is still on its way) is reloaded whole.
                if (previous is null || everything || changed.IsEmpty)
                    data = await loadAll(CancellationToken.None);
                else
                    data = previous.WithRisks(changed, await loadRisks(changed, CancellationToken.None));
                loading.SetResult(data);
                return data;
            }
            catch (Exception e)
            {
                EverythingChanged(); // what this load took on is not lost: the next one reloads everything
                Interlocked.CompareExchange(ref _entry, null, mine);
                loading.SetException(e);
                _ = loading.Task.Exception;
                throw;
            }
        }
    }

    public void Dispose()
    {
        _following.Dispose();
        _feed.ReloadRequested -= EverythingChanged;
    }
}
