using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;

namespace Tracker.App.Features.Admin;

public sealed record AuditRow(DateTimeOffset At, string UserName, string EntityType, string EntityKey, string Action, string? Reason,
    IReadOnlyList<AuditChange> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, IReadOnlyList<string> EntityTypes, IReadOnlyList<string> UserNames, int Total);

/// <summary>The audit trail, newest first, filtered by entity type, key and user.</summary>
public sealed class AuditQueries(TrackerDbContext db)
{
    public const int PageSize = 100;

    public async Task<AuditPage> SearchAsync(string? entityType, string? entityKey, string? userName, int page, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(entityType)) query = query.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrEmpty(entityKey)) query = query.Where(a => a.EntityKey == entityKey);
        if (!string.IsNullOrEmpty(userName)) query = query.Where(a => a.UserName == userName);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.At, a.UserName, a.EntityType, a.EntityKey, a.Action, a.Reason, a.Changes.OrderBy(c => c.Id).ToList()))
            .ToListAsync(ct);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var users = await db.AuditEntries.Select(a => a.UserName).Distinct().OrderBy(u => u).ToListAsync(ct);
        return new AuditPage(rows, types, users, total);
    }
}
