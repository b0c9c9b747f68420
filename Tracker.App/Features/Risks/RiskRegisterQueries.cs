using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;
using Direction = Tracker.Domain.Risks.Direction;

namespace Tracker.App.Features.Risks;

/// <summary>
/// The register read by everyone: the table and its filters, heat maps, one risk's page, the
/// dashboard's counts and the CSV download. Reads come from the committed-data cache of immutable
/// records (one context per load), so an open register costs no database work between saves.
/// </summary>
public sealed class RiskRegisterQueries(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock,
    RiskDataCache? cache = null, StrategicGroupMeetingsCache? meetings = null)
{
    readonly RiskPermissions _permissions = new(dbs, user);

    public DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));
    public RiskPermissions Permissions => _permissions;

    /// <summary>From the app-wide cache when there is one; a service built by hand in a test reads the database.</summary>
    internal Task<RiskData> DataAsync(CancellationToken ct) => cache is null ? LoadDataAsync(ct) : cache.GetAsync(LoadDataAsync, LoadRisksAsync, ct);

    /// <summary>Everything the register reads, as one immutable snapshot.</summary>
    internal async Task<RiskData> LoadDataAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await db.RiskSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RiskSettings.SingletonId, ct) ?? new RiskSettings();
        var categories = (await db.RiskCategories.AsNoTracking().ToListAsync(ct))
            .OrderBy(c => RiskCategory.Codes.ToList().IndexOf(c.Code)).Select(c => new RiskCategoryRow(c.Code, c.Label, c.Appetite)).ToList();
        var risks = await RisksAsync(db.Risks, ct);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        return RiskData.Create(RiskMatrix.From(settings), categories, risks, groups.ToDictionary(g => g.Id, g => g.Name),
            groups.Select(g => (g.Id, g.Name)).ToList());
    }

    /// <summary>The risks with these ids as they are now (a deleted one is simply not there): a save refreshes only its risk.</summary>
    internal async Task<IReadOnlyList<RiskRecord>> LoadRisksAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var wanted = ids.ToList();
        return await RisksAsync(db.Risks.Where(r => wanted.Contains(r.Id)), ct);
    }

    static async Task<List<RiskRecord>> RisksAsync(IQueryable<Risk> query, CancellationToken ct)
    {
        var risks = await query.AsNoTracking().Include(r => r.FurtherActions).Include(r => r.Assessments).Include(r => r.Reviews)
            .AsSplitQuery().ToListAsync(ct);
        return risks.Select(r => new RiskRecord(r.Id, r.Version, r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.OwnerGroupId,
            r.Gross, r.Controls, r.Net, r.Target, r.ReviewFrequencyMonths, r.NextReviewDate, r.Status, r.ClosingNote,
            r.Assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.Id)
                .Select(a => new AssessmentRow(a.AssessedOn, a.AssessedBy, a.Gross, a.Net, a.Target, a.Note)).ToList(),
            r.FurtherActions.OrderBy(a => a.Order).Select(a => new FurtherActionRow(a.Id, a.Version, a.Description, a.Owner, a.Rag, a.TargetDate)).ToList(),
            r.Reviews.OrderByDescending(v => v.ReviewedOn).ThenByDescending(v => v.Id)
                .Select(v => new ReviewRow(v.ReviewedOn, v.ReviewedBy, v.Note, v.AgreedChanges)).ToList())).ToList();
    }

    public async Task<RiskSettings> GetSettingsAsync(CancellationToken ct = default) => (await DataAsync(ct)).Matrix.ToSettings();

    public async Task<IReadOnlyList<RiskCategoryRow>> GetCategoriesAsync(CancellationToken ct = default) => (await DataAsync(ct)).Categories;

    /// <summary>
    /// "Since the last meeting" (DOMAIN.md): the date of the most recent Strategic Group meeting before
    /// today; when none is in the tracker, the latest review the chair recorded before today, or three
    /// months ago when none has been recorded either.
    /// </summary>
    public async Task<DateOnly> GetDefaultSinceAsync(CancellationToken ct = default) => (await GetComparisonAsync(null, ct)).Date;

    /// <summary>What direction of travel is measured against: the date asked for (<c>?since=</c>) or the default, and what that date is.</summary>
    public async Task<RiskComparison> GetComparisonAsync(DateOnly? requested, CancellationToken ct = default)
    {
        var calendar = new StrategicGroupCalendar(dbs, meetings);
        if (requested is { } chosen)
        {
            var on = await calendar.OnAsync(chosen, ct);
            return new RiskComparison(chosen, on is null ? $"{UkDates.Long(chosen)}, the date chosen" : $"the {on.Group} meeting on {UkDates.Long(on.Date)}, the date chosen",
                IsDefault: false, on?.Id);
        }
        var today = Today;
        if (await calendar.LastBeforeAsync(today, ct) is { } meeting)
            return new RiskComparison(meeting.Date, $"the last {meeting.Group} meeting, on {UkDates.Long(meeting.Date)}", IsDefault: true, meeting.Id);
        var dates = (await DataAsync(ct)).ReviewDates.Where(d => d < today).ToList();
        return dates.Count > 0
            ? new RiskComparison(dates.Max(), $"the last review recorded by the chair on {UkDates.Long(dates.Max())}, as no Strategic Group meeting is in the tracker", IsDefault: true, null)
            : new RiskComparison(today.AddMonths(-3), $"{UkDates.Long(today.AddMonths(-3))}, three months ago, as no Strategic Group meeting or review is in the tracker", IsDefault: true, null);
    }

    async Task<List<RiskRow>> RowsAsync(RiskData data, RiskSettings settings, DateOnly since, Func<RiskRecord, bool> which, CancellationToken ct,
        DateOnly? on = null, RiskAccess? access = null)
    {
        var can = (access ?? await _permissions.AccessAsync(ct)).CanEdit;
        var appetite = data.Categories.ToDictionary(c => c.Code, c => c.Appetite);
        var today = on ?? Today;
        return data.Risks.Where(which).Select(r =>
        {
            var max = settings.ToleranceFor(r.CategoryCodes, appetite);
            return new RiskRow(r.Id, r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.OwnerGroupId,
                data.GroupNames.GetValueOrDefault(r.OwnerGroupId, ""), r.Gross, r.Controls, r.Net, r.Target, r.ReviewFrequencyMonths,
                r.NextReviewDate, r.Status, r.ClosingNote, r.IsReviewOverdue(today),
                r.Status == RiskStatus.Open && r.Current.Score > max, max, r.DirectionSince(since), r.FurtherActions, can(r.OwnerGroupId));
        }).ToList();
    }

    public async Task<RiskRegister> GetRegisterAsync(RiskFilter filter, CancellationToken ct = default) =>
        await RegisterAsync(await DataAsync(ct), filter, null, ct);

    async Task<RiskRegister> RegisterAsync(RiskData data, RiskFilter filter, DateOnly? asAt, CancellationToken ct)
    {
        var comparison = await GetComparisonAsync(filter.Since, ct);
        var access = await _permissions.AccessAsync(ct);
        if (asAt is not null) return await ComputeRegisterAsync(data, filter, comparison, access, asAt);
        // The live register: everyone with the same filter, comparison and rights shares one per snapshot.
        var view = new RegisterView(filter, comparison, Today, access.Key);
        return await RiskDataViews.GetAsync(data, view, () => ComputeRegisterAsync(data, filter, comparison, access, null));
    }

    sealed record RegisterView(RiskFilter Filter, RiskComparison Comparison, DateOnly Today, string Access);

    async Task<RiskRegister> ComputeRegisterAsync(RiskData data, RiskFilter filter, RiskComparison comparison, RiskAccess access, DateOnly? asAt)
    {
        var settings = RiskDataViews.SettingsOf(data.Matrix);
        var rows = await RowsAsync(data, settings, comparison.Date, _ => true, CancellationToken.None, asAt, access);
        var result = RiskRegisterFilter.Apply(rows, filter, settings);
        return new RiskRegister(result, filter, comparison.Date, settings, data.Categories, data.GroupOptions,
            access.CanCreate) { Comparison = comparison, AsAt = asAt };
    }

    /// <summary>
    /// The register as it stood at the end of <paramref name="asAt"/> in London (a meeting's papers
    /// deadline), for the meeting's pack. The dated record is the audit trail: a risk created after
    /// the deadline (or first assessed after it) is left out, and a risk's wording, controls, scores,
    /// status and review date, and its further actions, are put back as they were (<see cref="AuditRewind"/>). Direction of travel
    /// is read from the assessments dated on or before the deadline; overdue reviews are as on that day.
    /// </summary>
    public async Task<RiskRegister> GetRegisterAsAtAsync(RiskFilter filter, DateOnly asAt, CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var cutOff = UkDates.EndOfDay(asAt);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var risks = await AuditRewind.ReadAsync(db, nameof(Risk), cutOff, ct);
        var actions = await AuditRewind.ReadAsync(db, nameof(FurtherAction), cutOff, ct);
        var deletedActions = actions.Deleted().Select(d => (d.Id, RiskId: d.Values.Int(nameof(FurtherAction.RiskId), 0), Order: d.Values.Int(nameof(FurtherAction.Order), 0),
            Row: new FurtherActionRow(d.Id, 0, d.Values.Text(nameof(FurtherAction.Description), ""), d.Values.Text(nameof(FurtherAction.Owner), ""),
                d.Values.EnumOrNull<FurtherActionRag>(nameof(FurtherAction.Rag), null), d.Values.Date(nameof(FurtherAction.TargetDate), null)))).ToList();
        // A risk raised after the deadline: created since (the audit trail), or first assessed after it (the risk's own history).
        var records = data.Risks.Where(r => !risks.AddedAfter(r.Id) && !(r.Assessments.Count > 0 && r.Assessments.Min(a => a.On) > asAt)).Select(r =>
        {
            var was = risks.Changed(r.Id) ?? new AuditValues(new Dictionary<string, string?>());
            RiskScore? Score(string kind, RiskScore? now) =>
                RiskScore.From(was.IntOrNull($"{kind}Likelihood", now?.Likelihood), was.IntOrNull($"{kind}Severity", now?.Severity));
            // Further actions at the deadline: those added since left out, those changed since as they were, those removed since put back (last).
            var further = r.FurtherActions.Where(a => !actions.AddedAfter(a.Id))
                .Select(a => actions.Changed(a.Id) is { } v
                    ? a with
                    {
                        Description = v.Text(nameof(FurtherAction.Description), a.Description), Owner = v.Text(nameof(FurtherAction.Owner), a.Owner),
                        Rag = v.EnumOrNull(nameof(FurtherAction.Rag), a.Rag), TargetDate = v.Date(nameof(FurtherAction.TargetDate), a.TargetDate),
                    }
                    : a)
                .Concat(deletedActions.Where(d => d.RiskId == r.Id).OrderBy(d => d.Order).Select(d => d.Row))
                .ToList();
            return r with
            {
                Reference = was.Text(nameof(Risk.Reference), r.Reference), Title = was.Text(nameof(Risk.Title), r.Title),
                Cause = was.Text(nameof(Risk.Cause), r.Cause), Impact = was.Text(nameof(Risk.Impact), r.Impact),
                Categories = was.Text(nameof(Risk.Categories), r.Categories), OwnerGroupId = was.Int(nameof(Risk.OwnerGroupId), r.OwnerGroupId),
                Gross = Score("Gross", r.Gross) ?? r.Gross, Controls = was.Text(nameof(Risk.Controls), r.Controls),
                Net = Score("Net", r.Net), Target = Score("Target", r.Target),
                ReviewFrequencyMonths = was.Int(nameof(Risk.ReviewFrequencyMonths), r.ReviewFrequencyMonths),
                NextReviewDate = was.Date(nameof(Risk.NextReviewDate), r.NextReviewDate),
                Status = was.Enum(nameof(Risk.Status), r.Status), ClosingNote = was.TextOrNull(nameof(Risk.ClosingNote), r.ClosingNote),
                Assessments = r.Assessments.Where(a => a.On <= asAt).ToList(),
                FurtherActions = further,
            };
        }).ToList();
        return await RegisterAsync(data with { Risks = records }, filter, asAt, ct);
    }

    /// <summary>The open risks in the order the Strategic Group walks them in review: highest net score first.</summary>
    public Task<RiskRegister> GetReviewOrderAsync(DateOnly? since, CancellationToken ct = default) =>
        GetRegisterAsync(new RiskFilter { Since = since }, ct);

    /// <summary>Open risks counted by cell for the gross, net or target assessment.</summary>
    public async Task<HeatMapData> GetHeatMapAsync(ScoreKind kind, CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        return await RiskDataViews.GetAsync(data, kind, () => Task.FromResult(HeatMap(data, kind)));
    }

    static HeatMapData HeatMap(RiskData data, ScoreKind kind)
    {
        var scores = data.Risks.Where(r => r.Status == RiskStatus.Open).Select(r => r.ScoreOf(kind)).ToList();
        var counts = scores.Where(s => s is not null).GroupBy(s => (s!.Value.Likelihood, s.Value.Severity)).ToDictionary(g => g.Key, g => g.Count());
        return new HeatMapData(kind, RiskDataViews.SettingsOf(data.Matrix), counts, scores.Count(s => s is null));
    }

    public async Task<RiskDetail?> GetDetailAsync(int id, DateOnly? since = null, CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var record = data.Risks.SingleOrDefault(r => r.Id == id);
        if (record is null) return null;
        var comparison = await GetComparisonAsync(since, ct);
        var access = await _permissions.AccessAsync(ct);
        // Everyone on this risk's page with the same comparison and rights shares one per snapshot, as the register does.
        return await RiskDataViews.GetAsync(data, new DetailView(id, comparison, Today, access.Key), async () =>
        {
            var settings = RiskDataViews.SettingsOf(data.Matrix);
            var row = (await RowsAsync(data, settings, comparison.Date, r => r.Id == id, CancellationToken.None, access: access)).Single();
            return new RiskDetail(row, record.Assessments.Reverse().ToList(), record.Reviews, settings, comparison.Date) { Comparison = comparison };
        });
    }

    sealed record DetailView(int Id, RiskComparison Comparison, DateOnly Today, string Access);

    /// <summary>Open risks by band, above appetite and overdue, for the dashboard.</summary>
    public async Task<RiskSummary> GetSummaryAsync(CancellationToken ct = default)
    {
        var register = await GetRegisterAsync(new RiskFilter(), ct);
        var byBand = Enum.GetValues<RiskBand>().ToDictionary(b => b, b => register.Rows.Count(r => r.Net is { } n && register.Settings.BandOf(n.Score) == b));
        return new RiskSummary(byBand, register.Rows.Count(r => r.AboveAppetite), register.Rows.Count(r => r.ReviewOverdue),
            register.Rows.Count(r => r.Net is null), register.Rows.Count);
    }

    /// <summary>Every risk, open and closed, in reference order, as the CSV download writes them.</summary>
    public async Task<string> ExportCsvAsync(CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var rows = await RowsAsync(data, data.Matrix.ToSettings(), Today, _ => true, ct);
        return RiskCsv.Write(rows.OrderBy(r => r.Reference, ReferenceOrder.Instance));
    }
}

/// <summary>Open risks by band, above appetite and overdue, for the dashboard.</summary>
public sealed record RiskSummary(IReadOnlyDictionary<RiskBand, int> ByBand, int AboveAppetite, int Overdue, int NotAssessed, int Total);

/// <summary>The register's filters and sort applied to its rows.</summary>
public static class RiskRegisterFilter
{
    public static List<RiskRow> Apply(IEnumerable<RiskRow> rows, RiskFilter filter, RiskSettings settings)
    {
        var band = RiskBands.FromSlug(filter.Band);
        var result = (filter.Status ?? "open").ToLowerInvariant() switch
        {
            "closed" => rows.Where(r => r.Status == RiskStatus.Closed),
            "all" => rows,
            _ => rows.Where(r => r.Status == RiskStatus.Open),
        };
        if (filter.Group is { } group) result = result.Where(r => r.GroupId == group);
        if (!string.IsNullOrEmpty(filter.Category))
            result = result.Where(r => Risk.SplitCategories(r.Categories).Contains(filter.Category.ToUpperInvariant()));
        if (band is { } b) result = result.Where(r => r.ScoreOf(filter.Scores) is { } s && settings.BandOf(s.Score) == b);
        if (filter.Likelihood is { } l) result = result.Where(r => r.ScoreOf(filter.Scores)?.Likelihood == l);
        if (filter.Severity is { } sev) result = result.Where(r => r.ScoreOf(filter.Scores)?.Severity == sev);
        if (filter.Overdue) result = result.Where(r => r.ReviewOverdue);
        if (filter.AboveAppetite) result = result.Where(r => r.AboveAppetite);
        if (filter.Search is { Length: > 0 } search)
        {
            var words = search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result = result.Where(r => words.All(w => Matches(r, w)));
        }

        result = filter.SortKey switch
        {
            "gross" => result.OrderByDescending(r => r.Gross.Score).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "target" => result.OrderByDescending(r => r.Target?.Score ?? -1).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "reference" => result.OrderBy(r => r.Reference, ReferenceOrder.Instance),
            "review" => result.OrderBy(r => r.NextReviewDate ?? DateOnly.MaxValue).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "group" => result.OrderBy(r => r.GroupName).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "direction" => result.OrderBy(r => r.Direction switch { Direction.Worse => 0, Direction.New => 1, Direction.Unchanged => 2, _ => 3 })
                .ThenByDescending(r => r.Current.Score),
            // Net score, highest first; a risk not yet assessed net sorts by its gross score, as it stands uncontrolled.
            _ => result.OrderByDescending(r => r.Current.Score).ThenByDescending(r => r.Gross.Score).ThenBy(r => r.Reference, ReferenceOrder.Instance),
        };
        return result.ToList();
    }

    static bool Matches(RiskRow r, string word) =>
        r.Reference.Equals(word, StringComparison.OrdinalIgnoreCase)
        || r.Title.Contains(word, StringComparison.CurrentCultureIgnoreCase)
        || r.Cause.Contains(word, StringComparison.CurrentCultureIgnoreCase)
        || r.Impact.Contains(word, StringComparison.CurrentCultureIgnoreCase)
        || r.Controls.Contains(word, StringComparison.CurrentCultureIgnoreCase)
        || r.GroupName.Contains(word, StringComparison.CurrentCultureIgnoreCase);
}

/// <summary>Orders references naturally: R2 before R10.</summary>
public sealed class ReferenceOrder : IComparer<string>
{
    public static readonly ReferenceOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        // Called for every pair a sort compares (thousands for a long register): no allocations.
        static (int Letters, int Number) Split(ReadOnlySpan<char> s)
        {
            var letters = 0;
            while (letters < s.Length && !char.IsDigit(s[letters])) letters++;
            return (letters, int.TryParse(s[letters..], out var n) ? n : 0);
        }
        ReadOnlySpan<char> a = x ?? "", b = y ?? "";
        var (lx, nx) = Split(a);
        var (ly, ny) = Split(b);
        var c = a[..lx].SequenceCompareTo(b[..ly]);
        return c != 0 ? Math.Sign(c) : nx.CompareTo(ny);
    }
}
