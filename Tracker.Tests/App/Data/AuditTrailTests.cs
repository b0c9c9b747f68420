using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Meetings;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Data;

public abstract class AuditTrailTestsBase(TrackerAppFactory app)
{
    [ProviderFact]
    public async Task AuditTrail_FreshSampleData_RecordsRealKeysOnly()
    {
        // EF's temporary keys are large negative numbers; the sample data is audited like any save.
        var temporary = await app.WithDbAsync(db => db.Set<Tracker.App.Data.AuditChange>()
            .Where(c => c.Property.EndsWith("Id") && c.NewValue != null && c.NewValue.StartsWith("-"))
            .Select(c => c.Property + " → " + c.NewValue).Take(5).ToListAsync());
        Assert.Empty(temporary);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MinuteItem))));
    }

    [ProviderFact]
    public async Task Save_ChildAddedWithItsParent_AuditsParentsRealKey()
    {
        var riskId = await app.WithDbAsync(async db =>
        {
            var group = await db.Groups.Select(g => g.Id).FirstAsync();
            var risk = Risk.Create(new RiskInput("R901", "Audited with its action", null, null, ["P"], group, 3, 3, null, null, null, null, null, 3, null, RiskStatus.Open, null),
                "Test", new DateOnly(2024, 2, 29));
            risk.AddFurtherAction(new FurtherActionInput("Write the plan", "AM", null, ""));
            db.Risks.Add(risk);
            await db.SaveChangesAsync();
            return risk.Id;
        });
        var audited = await app.WithDbAsync(db => db.Set<Tracker.App.Data.AuditChange>()
            .Where(c => c.Property == "RiskId" && db.AuditEntries.Any(a => a.Id == c.AuditEntryId && a.EntityType == nameof(FurtherAction)))
            .OrderByDescending(c => c.Id).Select(c => c.NewValue).FirstAsync());
        Assert.Equal(riskId.ToString(), audited);
    }
}

/// <summary>The cases of <see cref="AuditTrailTestsBase"/> on SQLite (the default provider).</summary>
public sealed class AuditTrailTests(TrackerAppFactory app) : AuditTrailTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class AuditTrailTestsOnPostgreSql(PostgreSqlAppFactory app) : AuditTrailTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
