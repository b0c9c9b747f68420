using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Tracker.Domain.Risks;
using Direction = Tracker.Domain.Risks.Direction;

namespace Tracker.App.Features.Risks;

/// <summary>
/// The register's filters and sort, exactly as the query string carries them, so any view of the
/// register is a URL the chair can bookmark.
/// </summary>
public sealed record RiskFilter
{
    public int? Group { get; init; }
    public string? Category { get; init; }
    public string? Band { get; init; }
    /// <summary>"open" (the default), "closed" or "all".</summary>
    public string? Status { get; init; }
    public bool Overdue { get; init; }
    public bool AboveAppetite { get; init; }
    /// <summary>Which score the band and cell filters look at: gross, net (default) or target.</summary>
    public ScoreKind Scores { get; init; } = ScoreKind.Net;
    public int? Likelihood { get; init; }
    public int? Severity { get; init; }
    /// <summary>net (default, highest first), gross, target, reference, review, group, direction.</summary>
    public string? Sort { get; init; }

    /// <summary>The sort in force, in lower case: net when none is given.</summary>
    public string SortKey => (Sort ?? "net").ToLowerInvariant();
    public DateOnly? Since { get; init; }
    /// <summary>Words to find in the reference, the risk, its cause, impact, controls or owner group.</summary>
    public string? Search { get; init; }
    /// <summary>The page of the register shown (1 when not given); filters and sort start again at page 1.</summary>
    public int? Page { get; init; }

    /// <summary>How many filters narrow the register (sort and comparison date are not filters).</summary>
    public int ActiveFilters =>
        (Group is null ? 0 : 1) + (string.IsNullOrEmpty(Category) ? 0 : 1) + (string.IsNullOrEmpty(Band) ? 0 : 1)
        + (Status is null or "open" ? 0 : 1) + (Overdue ? 1 : 0) + (AboveAppetite ? 1 : 0)
        + (Likelihood is null && Severity is null ? 0 : 1) + (string.IsNullOrEmpty(Search) ? 0 : 1);

    /// <summary>Reads the filter from a query string; anything unreadable is ignored, as a bookmark may be old.</summary>
    public static RiskFilter FromQuery(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var q = query.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value.ToString());
        string? Text(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int? Number(string key) => int.TryParse(Text(key), out var n) ? n : null;
        return new RiskFilter
        {
            Group = Number("group"),
            Category = Text("category")?.ToUpperInvariant(),
            Band = RiskBands.FromSlug(Text("band"))?.Slug(),
            Status = Text("status")?.ToLowerInvariant() is "closed" or "all" ? Text("status")!.ToLowerInvariant() : "open",
            Overdue = Text("overdue") is "true" or "on" or "yes",
            AboveAppetite = Text("appetite") is "above" or "true" or "on",
            Scores = ParseKind(Text("scores")),
            Likelihood = Number("likelihood"),
            Severity = Number("severity"),
            Sort = Text("sort")?.ToLowerInvariant(),
            Since = DateOnly.TryParseExact(Text("since"), "yyyy-MM-dd", out var since) ? since : null,
            Search = Text("q") is { Length: > 0 and <= 200 } search ? search : null,
            Page = Number("page") is > 1 and var page ? page : null,
        };
    }

    public static RiskFilter FromUri(string uri)
    {
        var index = uri.IndexOf('?');
        return FromQuery(index < 0 ? [] : QueryHelpers.ParseQuery(uri[index..].Split('#')[0]));
    }

    /// <summary>The register's address for this filter.</summary>
    public string ToUrl(string path = "/risks") => ToQuery() is { Length: > 0 } q ? $"{path}?{q}" : path;

    public static ScoreKind ParseKind(string? text) =>
        Enum.TryParse<ScoreKind>(text, ignoreCase: true, out var kind) ? kind : ScoreKind.Net;

    /// <summary>The query string of this filter (without "?"), leaving out defaults.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (Group is { } g) parts.Add($"group={g}");
        if (!string.IsNullOrEmpty(Category)) parts.Add($"category={Uri.EscapeDataString(Category)}");
        if (!string.IsNullOrEmpty(Band)) parts.Add($"band={Uri.EscapeDataString(Band)}");
        if (!string.IsNullOrEmpty(Status) && Status != "open") parts.Add($"status={Uri.EscapeDataString(Status)}");
        if (Overdue) parts.Add("overdue=true");
        if (AboveAppetite) parts.Add("appetite=above");
        if (Scores != ScoreKind.Net) parts.Add($"scores={Scores.ToString().ToLowerInvariant()}");
        if (Likelihood is { } l) parts.Add($"likelihood={l}");
        if (Severity is { } s) parts.Add($"severity={s}");
        if (!string.IsNullOrEmpty(Sort) && Sort != "net") parts.Add($"sort={Uri.EscapeDataString(Sort)}");
        if (Since is { } since) parts.Add($"since={since:yyyy-MM-dd}");
        if (!string.IsNullOrEmpty(Search)) parts.Add($"q={Uri.EscapeDataString(Search)}");
        if (Page is > 1 and var page) parts.Add($"page={page}");
        return string.Join("&", parts);
    }
}

public sealed record FurtherActionRow(int Id, int Version, string Description, string Owner, FurtherActionRag? Rag, DateOnly? TargetDate);

/// <summary>One risk as the register, the print layout and the review mode show it.</summary>
public sealed record RiskRow(
    int Id,
    string Reference,
    string Title,
    string Cause,
    string Impact,
    string Categories,
    int GroupId,
    string GroupName,
    RiskScore Gross,
    string Controls,
    RiskScore? Net,
    RiskScore? Target,
    int ReviewFrequencyMonths,
    DateOnly? NextReviewDate,
    RiskStatus Status,
    string? ClosingNote,
    bool ReviewOverdue,
    bool AboveAppetite,
    int AppetiteMax,
    Direction Direction,
    IReadOnlyList<FurtherActionRow> FurtherActions,
    bool CanEdit)
{
    public RiskScore Current => Net ?? Gross;

    public RiskScore? ScoreOf(ScoreKind kind) => kind switch
    {
        ScoreKind.Gross => Gross,
        ScoreKind.Net => Net,
        _ => Target,
    };
}

public sealed record RiskRegister(
    IReadOnlyList<RiskRow> Rows,
    RiskFilter Filter,
    DateOnly Since,
    RiskSettings Settings,
    IReadOnlyList<RiskCategoryRow> Categories,
    IReadOnlyList<(int Id, string Name)> Groups,
    bool CanCreate)
{
    /// <summary>The day the register stands at (a meeting's papers deadline) when shown as at it; null for the live register.</summary>
    public DateOnly? AsAt { get; init; }

    /// <summary>What <see cref="Since"/> is: the last Strategic Group meeting by default, or the date chosen.</summary>
    public RiskComparison? Comparison { get; init; }

    /// <summary>Rows shown on one page of the register: a long register (a thousand risks) stays quick to load and light per tab.</summary>
    public const int PageSize = 50;

    public int PageCount => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);

    /// <summary>The page asked for in the address, within the pages there are (a bookmark may be older than a deletion).</summary>
    public int PageNumber => Math.Clamp(Filter.Page ?? 1, 1, PageCount);

    /// <summary>The rows of <see cref="PageNumber"/>: <see cref="Rows"/> holds every matching risk (counts, print, review).</summary>
    public IEnumerable<RiskRow> PageRows => Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize);

    /// <summary>The register's address for another page, with the same filters and sort.</summary>
    public string PageUrl(int page) => (Filter with { Page = page }).ToUrl();
}

/// <summary>The date direction of travel is measured since, described for the reader ("the last Strategic Group on 17 September 2026").</summary>
public sealed record RiskComparison(DateOnly Date, string Description, bool IsDefault, int? MeetingId);

/// <summary>Counts of risks in each likelihood × severity cell for one of the three assessments.</summary>
public sealed record HeatMapData(ScoreKind Kind, RiskSettings Settings, IReadOnlyDictionary<(int Likelihood, int Severity), int> Counts, int NotAssessed)
{
    public int CountAt(int likelihood, int severity) => Counts.TryGetValue((likelihood, severity), out var n) ? n : 0;
}

public sealed record AssessmentRow(DateOnly On, string By, RiskScore Gross, RiskScore? Net, RiskScore? Target, string? Note)
{
    public RiskScore Current => Net ?? Gross;
}
public sealed record ReviewRow(DateOnly On, string By, string Note, string? AgreedChanges);

/// <summary>One risk with its history (newest first) and the Strategic Group's reviews (newest first).</summary>
public sealed record RiskDetail(RiskRow Risk, IReadOnlyList<AssessmentRow> History, IReadOnlyList<ReviewRow> Reviews, RiskSettings Settings, DateOnly Since)
{
    public RiskComparison? Comparison { get; init; }
}

/// <summary>A risk category as read models carry it (the entity stays with the database).</summary>
public sealed record RiskCategoryRow(string Code, string Label, RiskAppetite Appetite);

public sealed record RiskForEdit(int Id, int Version, RiskInput Input);
public sealed record FurtherActionForEdit(int RiskId, string RiskReference, int Version, FurtherActionInput Input);

/// <summary>One error of a CSV import: the file's row (the header is row 1), the column, the message.</summary>
public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportResult(IReadOnlyList<ImportError> Errors, int Created, int Updated)
{
    public bool Succeeded => Errors.Count == 0;
    /// <summary>How many errors in all; <see cref="Errors"/> holds at most the first <see cref="RiskCsv.MaxErrorsShown"/>.</summary>
    public int ErrorCount { get; init; } = Errors.Count;
    public static ImportResult Failed(string message) => new([new ImportError(0, "", message)], 0, 0);
}

/// <summary>One field an import would change: what the register holds now and what the file says.</summary>
public sealed record ImportFieldChange(string Field, string Before, string After);

/// <summary>What an import would do to one risk of the file.</summary>
public sealed record ImportRiskChange(int Row, string Reference, string Title, bool IsNew, IReadOnlyList<ImportFieldChange> Changes);

/// <summary>
/// What an import would change, risk by risk and field by field, before anything is saved; or the
/// file's errors, in which case nothing can be imported.
/// </summary>
public sealed record ImportPreview(IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportRiskChange> Risks, int Unchanged)
{
    /// <summary>How many errors in all; <see cref="Errors"/> holds at most the first <see cref="RiskCsv.MaxErrorsShown"/>.</summary>
    public int ErrorCount { get; init; } = Errors.Count;
    public bool CanImport => Errors.Count == 0 && Risks.Count > 0;
    public int Created => Risks.Count(r => r.IsNew);
    public int Updated => Risks.Count(r => !r.IsNew);
}
