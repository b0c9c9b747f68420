using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Reminders;

namespace Tracker.App.Features.Reminders;

public sealed record ReminderChoice(ReminderKind Kind, string Title, string Description, bool Enabled);

/// <summary>Which reminders a person gets: all by default; a row records each one they changed.</summary>
public sealed class ReminderPreferencesService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The signed-in user's own choices; empty when the account is not linked to a person.</summary>
    public async Task<IReadOnlyList<ReminderChoice>?> MineAsync(CancellationToken ct = default) =>
        user.PersonId is { } me ? await ForAsync(me, ct) : null;

    public async Task<IReadOnlyList<ReminderChoice>> ForAsync(int personId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var off = await db.ReminderPreferences.AsNoTracking().Where(p => p.PersonId == personId && !p.Enabled)
            .Select(p => p.Kind).ToListAsync(ct);
        return ReminderKinds.All.Select(k => new ReminderChoice(k, k.Title(), k.Description(), !off.Contains(k))).ToList();
    }

    /// <summary>The signed-in user turns one of their own reminders on or off.</summary>
    public async Task<SaveResult> SetMineAsync(ReminderKind kind, bool enabled, CancellationToken ct = default) =>
        user.PersonId is { } me
            ? await SetAsync(me, kind, enabled, user.DisplayName, ct)
            : SaveResult.Forbidden("Your account is not linked to a person, so the tracker sends you no reminders.");

    /// <summary>Sets one choice (used by the profile page and the unsubscribe link).</summary>
    public async Task<SaveResult> SetAsync(int personId, ReminderKind kind, bool enabled, string by, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.People.AnyAsync(p => p.Id == personId, ct)) return SaveResult.Missing();
        var row = await db.ReminderPreferences.SingleOrDefaultAsync(p => p.PersonId == personId && p.Kind == kind, ct);
        if (row is null)
        {
            row = new ReminderPreference { PersonId = personId, Kind = kind };
            db.ReminderPreferences.Add(row);
        }
        else if (row.Enabled == enabled) return SaveResult.Saved(personId, 0);
        row.Enabled = enabled;
        row.ChangedAt = clock.GetUtcNow();
        row.ChangedBy = by;
        // Two tabs saving the first choice at once: the second insert is refused and they save again.
        return await db.SaveNewAsync(() => SaveResult.Saved(personId, 0), ct);
    }
}
