using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Common;

namespace Tracker.App.Common;

/// <summary>
/// Optimistic concurrency for every edit form: the form carries the version it loaded; a save from
/// an older version is refused with who changed it, when, and their values.
/// </summary>
public static class Concurrency
{
    /// <summary>A conflict when the entity has moved on since the form loaded <paramref name="loadedVersion"/>; otherwise null.</summary>
    public static Conflict? Check(Entity entity, int loadedVersion, Func<IReadOnlyList<ConflictValue>> currentValues) =>
        entity.Version == loadedVersion
            ? null
            : new Conflict(entity.UpdatedBy, entity.UpdatedAt, entity.Version, currentValues());

    /// <summary>
    /// Saves with the loaded version as the concurrency token, so a change committed between our
    /// read and our write is refused by the database too. Returns the conflict in that case.
    /// </summary>
    public static async Task<Conflict?> SaveAsync(DbContext db, Entity entity, int loadedVersion,
        Func<IReadOnlyList<ConflictValue>> currentValues, CancellationToken cancellationToken)
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = loadedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(entity);
            await entry.ReloadAsync(cancellationToken);
            return new Conflict(entity.UpdatedBy, entity.UpdatedAt, entity.Version, currentValues());
        }
    }
}
