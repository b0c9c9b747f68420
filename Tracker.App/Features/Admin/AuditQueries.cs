using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.Domain.Common;

namespace Tracker.App.Features.Admin;

public sealed record AuditRow(DateTimeOffset At, string UserName, string EntityType, string EntityKey, string Action, string? Reason,
    IReadOnlyList<AuditChange> Changes)
{
    /// <summary>The record's kind in the partnership's words ("Matter arising").</summary>
    public string RecordLabel => AuditRecordTypes.Label(EntityType);
}

/// <summary>A kind of record in the filter: the stored type name (the URL's value) and its label.</summary>
public sealed record AuditRecordType(string EntityType, string Label);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, IReadOnlyList<AuditRecordType> RecordTypes, IReadOnlyList<string> UserNames, int Total);

/// <summary>What the administrator asked for: every part optional; dates are London days, both inclusive.</summary>
public sealed record AuditFilter(string? EntityType = null, string? EntityKey = null, string? UserName = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>The audit trail, newest first, filtered by kind of record, record, user and dates, a page at a time.</summary>
public sealed class AuditQueries(IDbContextFactory<TrackerDbContext> dbs)
{
    public const int PageSize = 50;

    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task<AuditPage> SearchAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrEmpty(filter.EntityKey)) query = query.Where(a => a.EntityKey == filter.EntityKey);
        if (!string.IsNullOrEmpty(filter.UserName)) query = query.Where(a => a.UserName == filter.UserName);
        if (filter.From is { } from)
        {
            var start = StartOfLondonDay(from);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOfLondonDay(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.At, a.UserName, a.EntityType, a.EntityKey, a.Action, a.Reason, a.Changes.OrderBy(c => c.Id).ToList()))
            .ToListAsync(ct);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync(ct);
        var users = await db.AuditEntries.Select(a => a.UserName).Distinct().OrderBy(u => u).ToListAsync(ct);
        var recordTypes = types.Select(t => new AuditRecordType(t, AuditRecordTypes.Label(t)))
            .OrderBy(t => t.Label, StringComparer.Create(UkDates.Culture, ignoreCase: true)).ToList();
        return new AuditPage(rows, recordTypes, users, total);
    }

    /// <summary>Midnight in London on <paramref name="day"/>, in UTC as the trail stores times.</summary>
    static DateTimeOffset StartOfLondonDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, London), TimeSpan.Zero);
    }
}
