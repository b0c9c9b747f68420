using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;

namespace Tracker.App.Live;

/// <summary>
/// The one publishing point for live updates. It notes what a save changed and hands it to the
/// change feed only once the transaction has committed, so a failed or rolled-back save sends nothing.
/// Registered before <see cref="AuditInterceptor"/>, whose commit follows this interceptor's SavedChanges.
/// </summary>
public sealed class ChangeFeedInterceptor(ChangeFeed feed, ICurrentUser user, TimeProvider clock)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    List<(EntityEntry Entry, string Kind)> _saving = [];
    readonly List<ChangeEvent> _committing = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Resolve();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Resolve();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _saving = [];

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving = [];
        return Task.CompletedTask;
    }

    void Capture(DbContext? context)
    {
        if (context is null) return;
        var saving = new List<(EntityEntry, string)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var kind = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Modified => "updated",
                EntityState.Deleted => "deleted",
                _ => null,
            };
            if (kind is not null && entry.Entity is not (AuditEntry or AuditChange)) saving.Add((entry, kind));
        }
        // The audit interceptor's own nested save has only audit rows: keep what the outer save captured.
        if (saving.Count > 0) _saving = saving;
    }

    void Resolve()
    {
        var at = clock.GetUtcNow();
        foreach (var (entry, kind) in _saving)
        {
            if (LiveTopics.For(entry.Entity) is not { } topic) continue;
            var version = entry.Entity is Entity e ? e.Version : 0;
            _committing.Add(new ChangeEvent(topic.Area, topic.Key, topic.UpdatesParent ? "updated" : kind, topic.Label, version, user.DisplayName, at, user.UserId));
        }
        _saving = [];
    }

    /// <summary>Records written by <see cref="BulkInsert"/>: announced, as a save's are, once the transaction commits.</summary>
    internal void Inserted(IEnumerable<object> entities)
    {
        var at = clock.GetUtcNow();
        foreach (var entity in entities)
        {
            if (LiveTopics.For(entity) is not { } topic) continue;
            _committing.Add(new ChangeEvent(topic.Area, topic.Key, topic.UpdatesParent ? "updated" : "created", topic.Label,
                entity is Entity e ? e.Version : 0, user.DisplayName, at, user.UserId));
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_committing.Count == 0) return;
        var changes = _committing.ToList();
        _committing.Clear();
        await feed.PublishAsync(changes, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_committing.Count == 0) return;
        var changes = _committing.ToList();
        _committing.Clear();
        feed.PublishAsync(changes).GetAwaiter().GetResult();
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _committing.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _committing.Clear();
        return Task.CompletedTask;
    }
}
