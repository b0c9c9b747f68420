using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.People;

namespace Tracker.App.Features.Risks;

/// <summary>
/// Who may change which risks: leads the risks of the groups they lead; the chair and administrators
/// every risk. Asked afresh each time (a circuit lives for hours; a lead may be given or lose a group).
/// </summary>
public sealed class RiskPermissions(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    public ICurrentUser User => user;

    async Task<HashSet<int>> LedGroupIdsAsync(CancellationToken ct)
    {
        if (!user.IsInRole(TrackerRoles.Lead) || user.PersonId is not { } personId) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.GroupMembers.AsNoTracking().Where(m => m.PersonId == personId && m.IsLead)
            .Select(m => m.GroupId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Whether the user may change a risk owned by a group, by the group's id.</summary>
    public async Task<Func<int, bool>> EditPermissionAsync(CancellationToken ct = default)
    {
        if (user.CanEditEverything()) return _ => true;
        var led = await LedGroupIdsAsync(ct);
        return led.Contains;
    }

    /// <summary>
    /// The user's rights over risks as a value: users with the same key may change the same risks and add
    /// risks alike, so they can share one computed register (<see cref="RiskDataViews"/>).
    /// </summary>
    public async Task<string> AccessKeyAsync(CancellationToken ct = default) =>
        user.CanEditEverything() ? "every group" : await LedGroupIdsAsync(ct) is { Count: > 0 } led ? "groups " + string.Join(",", led.Order()) : "no group";

    public async Task<bool> CanCreateAsync(CancellationToken ct = default) =>
        user.CanEditEverything() || (await LedGroupIdsAsync(ct)).Count > 0;

    public bool CanImport => user.IsAdministrator();
    public bool CanRecordReview => user.CanEditEverything();
    public bool CanChangeSettings => user.IsAdministrator();
}
