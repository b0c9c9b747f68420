using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tracker.App.Features.Accounts;
using Tracker.Domain.People;
using Tracker.Domain.Risks;

namespace Tracker.App.Data;

public sealed class TrackerDbContext(DbContextOptions<TrackerDbContext> options) : IdentityDbContext<TrackerUser>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<FurtherAction> FurtherActions => Set<FurtherAction>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskReview> RiskReviews => Set<RiskReview>();
    public DbSet<RiskSettings> RiskSettings => Set<RiskSettings>();
    public DbSet<RiskCategory> RiskCategories => Set<RiskCategory>();

    /// <summary>A reason to record on the audit rows of the next save (e.g. an administrator's override).</summary>
    public string? AuditReason { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrackerDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; store it as a sortable integer there.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
