using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Tracker.App.Common;
using Tracker.Domain.Common;

namespace Tracker.App.Data;

/// <summary>
/// The one place that stamps entities (version, created/updated by and at) and writes the audit
/// trail. Audit rows for inserts need the database-generated keys, so they are written after the
/// entity rows but inside the same transaction, which this interceptor opens when the caller has none.
/// They are written by <see cref="AuditWriter"/> in batched statements, not tracked by EF: an import
/// of thousands of risks writes hundreds of thousands of audit rows.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser user, TimeProvider clock) : SaveChangesInterceptor
{
    // Values that must never be copied into the audit trail; only the fact that they changed.
    static readonly HashSet<string> SecretProperties = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    List<PendingAudit> _pending = [];
    IDbContextTransaction? _ownTransaction;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Prepare(eventData.Context) is { } db && _ownTransaction is null && db.Database.CurrentTransaction is null)
            _ownTransaction = db.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Prepare(eventData.Context) is { } db && _ownTransaction is null && db.Database.CurrentTransaction is null)
            _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not TrackerDbContext db) return result;
        if (AuditRows(db) is { Count: > 0 } rows) AuditWriter.WriteAsync(db, rows, CancellationToken.None).GetAwaiter().GetResult();
        _ownTransaction?.Commit();
        EndTransaction();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not TrackerDbContext db) return result;
        if (AuditRows(db) is { Count: > 0 } rows) await AuditWriter.WriteAsync(db, rows, cancellationToken);
        if (_ownTransaction is not null) await _ownTransaction.CommitAsync(cancellationToken);
        EndTransaction();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        _ownTransaction?.Rollback();
        EndTransaction();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_ownTransaction is not null) await _ownTransaction.RollbackAsync(cancellationToken);
        EndTransaction();
    }

    void EndTransaction()
    {
        _ownTransaction?.Dispose();
        _ownTransaction = null;
        _pending = [];
    }

    /// <summary>Stamps changed entities and remembers what to audit. Returns the context when there is something to save.</summary>
    TrackerDbContext? Prepare(DbContext? context)
    {
        if (context is not TrackerDbContext db) return null;
        var now = clock.GetUtcNow();
        var who = user.DisplayName;
        _pending = [];
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // Data protection keys (PostgreSQL) are key material, not tracker records: never copied into the trail.
            // A lead's unsaved draft is their own work in progress, written as they type: the update it becomes is audited.
            if (entry.Entity is AuditEntry or AuditChange or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                or Tracker.Domain.Strategy.UpdateDraft) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Entity entity) Stamp(entry, entity, now, who);
            _pending.Add(new PendingAudit(entry, entry.State, Snapshot(entry)));
        }
        return _pending.Count > 0 ? db : null;
    }

    static void Stamp(EntityEntry entry, Entity entity, DateTimeOffset now, string who)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                StampNew(entity, now, who);
                break;
            case EntityState.Modified:
                entity.UpdatedAt = now;
                entity.UpdatedBy = who;
                entity.Version = (int)entry.Property(nameof(Entity.Version)).OriginalValue! + 1;
                break;
        }
    }

    static void StampNew(Entity entity, DateTimeOffset now, string who)
    {
        entity.CreatedAt = entity.UpdatedAt = now;
        entity.CreatedBy = entity.UpdatedBy = who;
        entity.Version = 1;
    }

    /// <summary>Stamps new records that <see cref="BulkInsert"/> is about to write, as a save stamps added entities.</summary>
    internal void StampNew(IEnumerable<Entity> entities)
    {
        var now = clock.GetUtcNow();
        foreach (var entity in entities) StampNew(entity, now, user.DisplayName);
    }

    /// <summary>
    /// Audits records <see cref="BulkInsert"/> has just written (their keys assigned by the database), exactly
    /// as a save audits added entities: one entry each, a change for every property that has a value.
    /// </summary>
    internal Task AuditInsertedAsync(TrackerDbContext db, IEntityType type, IReadOnlyList<object> entities, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = type.FindPrimaryKey()!.Properties;
        var audited = type.GetProperties().Where(p => !p.IsPrimaryKey() && !IsStamp(p.Name)).ToArray();
        var rows = entities.Select(entity => new AuditEntry
        {
            At = now,
            UserName = user.DisplayName,
            EntityType = type.ClrType.Name,
            EntityKey = string.Join("/", key.Select(p => Format(p.GetGetter().GetClrValue(entity)))),
            Action = nameof(EntityState.Added),
            Reason = db.AuditReason,
            Changes = audited.Select(p => (p.Name, Value: Format(p.GetGetter().GetClrValue(entity))))
                .Where(c => c.Value is not null)
                .Select(c => new AuditChange { Property = c.Name, NewValue = SecretProperties.Contains(c.Name) ? "(hidden)" : c.Value })
                .ToList(),
        }).ToList();
        return AuditWriter.WriteAsync(db, rows, ct);
    }

    static bool IsStamp(string property) => property is nameof(Entity.Version) or nameof(Entity.CreatedAt) or nameof(Entity.CreatedBy)
        or nameof(Entity.UpdatedAt) or nameof(Entity.UpdatedBy);

    /// <summary>
    /// What changed, read before the save. New values are read again after the save (see
    /// <see cref="PendingChange.NewValue"/>): a foreign key to a row inserted in the same save holds
    /// EF's temporary value until the database assigns the real one.
    /// </summary>
    static List<PendingChange> Snapshot(EntityEntry entry)
    {
        var changes = new List<PendingChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IsStamp(name)) continue;
            if (property.Metadata.IsPrimaryKey() && entry.State == EntityState.Added) continue;
            var (oldValue, newValue) = entry.State switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ => (property.OriginalValue, property.CurrentValue),
            };
            if (entry.State == EntityState.Modified && Equals(oldValue, newValue)) continue;
            if (entry.State == EntityState.Added && newValue is null) continue;
            changes.Add(new PendingChange(name, Format(oldValue), entry.State == EntityState.Deleted ? null : property,
                SecretProperties.Contains(name)));
        }
        return changes;
    }

    /// <summary>The audit rows of the save just made, with the keys the database assigned.</summary>
    List<AuditEntry> AuditRows(TrackerDbContext db)
    {
        var rows = new List<AuditEntry>(_pending.Count);
        if (_pending.Count == 0) return rows;
        var now = clock.GetUtcNow();
        foreach (var item in _pending)
        {
            if (item.State == EntityState.Modified && item.Changes.Count == 0) continue;
            var key = item.Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Format(item.Entry.Property(p.Name).CurrentValue));
            rows.Add(new AuditEntry
            {
                At = now,
                UserName = user.DisplayName,
                EntityType = item.Entry.Metadata.ClrType.Name,
                EntityKey = string.Join("/", key),
                Action = item.State.ToString(),
                Reason = db.AuditReason,
                Changes = item.Changes.Select(c => new AuditChange
                {
                    Property = c.Property,
                    OldValue = c.Secret ? (c.OldValue is null ? null : "(hidden)") : c.OldValue,
                    NewValue = c.Secret ? (c.NewValue is null ? null : "(hidden)") : c.NewValue,
                }).ToList(),
            });
        }
        db.AuditReason = null;
        return rows;
    }

    static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O"),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    sealed record PendingAudit(EntityEntry Entry, EntityState State, List<PendingChange> Changes);

    /// <summary>One changed property: its old value as read before the save, its new value read after it (with real keys).</summary>
    sealed record PendingChange(string Property, string? OldValue, PropertyEntry? Live, bool Secret)
    {
        public string? NewValue => Format(Live?.CurrentValue);
    }
}
