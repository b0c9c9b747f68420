using Tracker.App.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The service enforces who may change what, whatever page or endpoint calls it.</summary>
public abstract class RiskPermissionTestsBase(TrackerAppFactory app)
{
    sealed class StubUser(string role, int? personId, string name) : ICurrentUser
    {
        public string? UserId => "stub";
        public string DisplayName => name;
        public int? PersonId => personId;
        public bool IsInRole(string r) => r == role;
    }

    async Task<T> AsAsync<T>(string role, string initials, Func<RiskService, TrackerDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var person = await db.People.SingleAsync(p => p.Initials == initials);
        return await work(new RiskService(db, new StubUser(role, person.Id, person.Name), TimeProvider.System, new StrategicGroupCalendar(scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>())), db);
    }

    static async Task<(int Id, int Version, RiskInput Input)> LoadAsync(RiskService service, TrackerDbContext db, string reference)
    {
        var id = await db.Risks.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
        var edit = (await service.GetForEditAsync(id))!;
        return (id, edit.Version, edit.Input);
    }

    [ProviderTheory]
    [InlineData(TrackerRoles.Lead, "PS", "R5", true)]   // Peter Sibley leads ASB and Envirocrime
    [InlineData(TrackerRoles.Lead, "PS", "R1", false)]  // ... but is only a member of the Strategic Group
    [InlineData(TrackerRoles.Lead, "TS", "R6", false)]  // a member, not a lead, of ASB and Envirocrime
    [InlineData(TrackerRoles.Member, "BB", "R7", false)] // members read, even in a group they lead
    [InlineData(TrackerRoles.Chair, "KL", "R9", true)]
    [InlineData(TrackerRoles.Administrator, "AM", "R12", true)]
    public async Task UpdateAsync_ByRoleAndGroup_AllowedOnlyForOwnersChairAndAdministrators(string role, string initials, string reference, bool allowed)
    {
        var result = await AsAsync(role, initials, async (service, db) =>
        {
            var (id, version, input) = await LoadAsync(service, db, reference);
            return await service.UpdateAsync(id, version, input with { Controls = $"Changed by {initials}" });
        });
        Assert.Equal(allowed, result.Succeeded);
        if (!allowed) Assert.NotNull(result.Denied);
        var controls = await app.WithDbAsync(db => db.Risks.Where(r => r.Reference == reference).Select(r => r.Controls).SingleAsync());
        Assert.Equal(allowed, controls == $"Changed by {initials}");
    }

    [ProviderFact]
    public async Task CreateAsync_LeadForAnotherGroup_Refused_ForOwnGroup_Allowed()
    {
        var (refused, saved) = await AsAsync(TrackerRoles.Lead, "PS", async (service, db) =>
        {
            var strategic = await db.Groups.Where(g => g.ShortName == "Strategic Group").Select(g => g.Id).SingleAsync();
            var asb = await db.Groups.Where(g => g.ShortName == "ASB and Envirocrime").Select(g => g.Id).SingleAsync();
            var input = new RiskInput("R40", "Graffiti removal contract lapses", null, null, ["E"], strategic, 3, 3, null, null, null, null, null, 3, null, RiskStatus.Open, null);
            return (await service.CreateAsync(input), await service.CreateAsync(input with { Reference = "R41", OwnerGroupId = asb }));
        });
        Assert.Equal("You can only add risks owned by a group you lead", refused.Denied);
        Assert.True(saved.Succeeded);
    }

    [ProviderFact]
    public async Task ImportAndSettings_NotAdministrator_Refused()
    {
        var (import, settings, review) = await AsAsync(TrackerRoles.Chair, "KL", async (service, db) =>
        {
            using var csv = new MemoryStream("x"u8.ToArray());
            var id = await db.Risks.Select(r => r.Id).FirstAsync();
            return (await service.ImportCsvAsync(csv, "r.csv", 1),
                await service.UpdateSettingsAsync(1, new RiskSettings().ToInput(), new Dictionary<string, (string, RiskAppetite)>()),
                await service.RecordReviewAsync(id, "01/02/2024", "Noted", null));
        });
        Assert.Equal("Only administrators can import the risk register", import.Errors.Single().Message);
        Assert.Equal("Only administrators can change the risk matrix and appetite", settings.Denied);
        Assert.True(review.Succeeded);

        var leadReview = await AsAsync(TrackerRoles.Lead, "PS", async (service, db) =>
            await service.RecordReviewAsync(await db.Risks.Select(r => r.Id).FirstAsync(), "01/02/2024", "Noted", null));
        Assert.Equal("Only the chair or an administrator can record the meeting's review", leadReview.Denied);
    }
}

/// <summary>The cases of <see cref="RiskPermissionTestsBase"/> on SQLite (the default provider).</summary>
public sealed class RiskPermissionTests(TrackerAppFactory app) : RiskPermissionTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class RiskPermissionTestsOnPostgreSql(PostgreSqlAppFactory app) : RiskPermissionTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
