using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tracker.App.Features.Accounts;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Domain.Risks;
using Tracker.Domain.Reminders;

namespace Tracker.App.Data;

/// <remarks>
/// Not sealed: <see cref="PostgreSqlTrackerContext"/> is the same model on PostgreSQL, a type of its
/// own so that EF keeps its migrations (Data/Migrations/PostgreSql) apart from SQLite's (Data/Migrations).
/// </remarks>
public class TrackerDbContext(DbContextOptions<TrackerDbContext> options) : IdentityDbContext<TrackerUser>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<StandingItem> StandingItems => Set<StandingItem>();
    public DbSet<MinuteItem> MinuteItems => Set<MinuteItem>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();
    public DbSet<MatterArising> MattersArising => Set<MatterArising>();
    public DbSet<MatterUpdate> MatterUpdates => Set<MatterUpdate>();
    public DbSet<SubGroupReport> SubGroupReports => Set<SubGroupReport>();
    public DbSet<CoverSheet> CoverSheets => Set<CoverSheet>();
    public DbSet<Domain.Strategy.Strategy> Strategies => Set<Domain.Strategy.Strategy>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<SubPriority> SubPriorities => Set<SubPriority>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<StrategyAction> StrategyActions => Set<StrategyAction>();
    public DbSet<StrategyActionOwner> StrategyActionOwners => Set<StrategyActionOwner>();
    public DbSet<QuarterlyUpdate> QuarterlyUpdates => Set<QuarterlyUpdate>();
    public DbSet<QuarterLock> QuarterLocks => Set<QuarterLock>();
    public DbSet<UpdateDraft> UpdateDrafts => Set<UpdateDraft>();
    public DbSet<RollUpOverride> RollUpOverrides => Set<RollUpOverride>();
    public DbSet<RagDefinition> RagDefinitions => Set<RagDefinition>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<MetricValue> MetricValues => Set<MetricValue>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<FurtherAction> FurtherActions => Set<FurtherAction>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskReview> RiskReviews => Set<RiskReview>();
    public DbSet<RiskSettings> RiskSettings => Set<RiskSettings>();
    public DbSet<RiskCategory> RiskCategories => Set<RiskCategory>();
    public DbSet<ReminderMessage> ReminderMessages => Set<ReminderMessage>();
    public DbSet<ReminderRecord> ReminderRecords => Set<ReminderRecord>();
    public DbSet<ReminderPreference> ReminderPreferences => Set<ReminderPreference>();

    /// <summary>A reason to record on the audit rows of the next save (e.g. an administrator's override).</summary>
    public string? AuditReason { get; set; }

    /// <summary>This context's change-feed and audit interceptors, for writes that bypass SaveChanges (<see cref="BulkInsert"/>).</summary>
    internal SaveInterceptors? Interceptors { get; set; }

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
        // PostgreSQL stores timestamptz as UTC and Npgsql refuses any other offset: convert on the way in,
        // so a time with a London offset is stored as the same instant (shown in London time as ever).
        else if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }
}

/// <summary>The interceptors the factory gave a context: the only places that stamp, audit and announce.</summary>
sealed record SaveInterceptors(Live.ChangeFeedInterceptor Changes, AuditInterceptor Audit);

/// <summary>Any offset in, the same instant at UTC stored; read back as UTC.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime())
{
}
