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

    /// <summary>The user's rights over risks, read once for a whole register or save.</summary>
    public async Task<RiskAccess> AccessAsync(CancellationToken ct = default) =>
        user.CanEditEverything() ? RiskAccess.Everything : await LedGroupIdsAsync(ct) is { Count: > 0 } led ? new RiskAccess(false, led) : RiskAccess.Nothing;

    /// <summary>Whether the user may change a risk owned by a group, by the group's id.</summary>
    public async Task<Func<int, bool>> EditPermissionAsync(CancellationToken ct = default) => (await AccessAsync(ct)).CanEdit;

    public bool CanImport => user.IsAdministrator();
    public bool CanRecordReview => user.CanEditEverything();
    public bool CanChangeSettings => user.IsAdministrator();
}

/// <summary>
/// What a user may do to risks: change every risk, or those of the groups they lead. Users with the same
/// <see cref="Key"/> may change and add the same risks, so they can share one computed register (<see cref="RiskDataViews"/>).
/// </summary>
public sealed class RiskAccess(bool everything, IReadOnlySet<int> led)
{
    public static readonly RiskAccess Everything = new(true, new HashSet<int>());
    public static readonly RiskAccess Nothing = new(false, new HashSet<int>());

    public string Key { get; } = everything ? "every group" : led.Count == 0 ? "no group" : "groups " + string.Join(",", led.Order());

    public bool CanEdit(int groupId) => everything || led.Contains(groupId);

    public bool CanCreate => everything || led.Count > 0;
}
