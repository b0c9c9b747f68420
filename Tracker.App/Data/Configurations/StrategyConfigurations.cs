using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Strategy;
using StrategyEntity = Tracker.Domain.Strategy.Strategy;

namespace Tracker.App.Data.Configurations;

public sealed class StrategyConfiguration : EntityConfiguration<StrategyEntity>
{
    protected override void ConfigureEntity(EntityTypeBuilder<StrategyEntity> builder)
    {
        builder.ToTable("Strategies");
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.HasMany(s => s.Priorities).WithOne(p => p.Strategy).HasForeignKey(p => p.StrategyId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Priorities).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PriorityConfiguration : EntityConfiguration<Priority>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(5000);
        builder.HasOne(p => p.LeadPartner).WithMany().HasForeignKey(p => p.LeadPartnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.SubPriorities).WithOne(s => s.Priority).HasForeignKey(s => s.PriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Objectives).WithOne(o => o.Priority).HasForeignKey(o => o.PriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.SubPriorities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Objectives).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class SubPriorityConfiguration : EntityConfiguration<SubPriority>
{
    protected override void ConfigureEntity(EntityTypeBuilder<SubPriority> builder) =>
        builder.Property(s => s.Title).HasMaxLength(200);
}

public sealed class ObjectiveConfiguration : EntityConfiguration<Objective>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(300);
        builder.Property(o => o.Description).HasMaxLength(5000);
        builder.HasOne(o => o.SubPriority).WithMany().HasForeignKey(o => o.SubPriorityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(o => o.Actions).WithOne(a => a.Objective).HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(o => o.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class StrategyActionConfiguration : EntityConfiguration<StrategyAction>
{
    protected override void ConfigureEntity(EntityTypeBuilder<StrategyAction> builder)
    {
        builder.ToTable("StrategyActions");
        builder.Property(a => a.Number).HasMaxLength(10);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.OwningGroup).WithMany().HasForeignKey(a => a.OwningGroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.LeadPartner).WithMany().HasForeignKey(a => a.LeadPartnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Owners).WithOne(o => o.Action).HasForeignKey(o => o.ActionId);
        // Updates are history: an action with updates can never be deleted (retire it instead).
        builder.HasMany(a => a.Updates).WithOne(u => u.Action).HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Owners).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class StrategyActionOwnerConfiguration : IEntityTypeConfiguration<StrategyActionOwner>
{
    public void Configure(EntityTypeBuilder<StrategyActionOwner> builder)
    {
        builder.HasKey(o => new { o.ActionId, o.PersonId });
        builder.HasOne(o => o.Person).WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuarterlyUpdateConfiguration : EntityConfiguration<QuarterlyUpdate>
{
    protected override void ConfigureEntity(EntityTypeBuilder<QuarterlyUpdate> builder)
    {
        builder.Property(u => u.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.Narrative).HasMaxLength(QuarterlyUpdateInputValidator.NarrativeMaxLength);
        builder.Property(u => u.EvidenceLink).HasMaxLength(QuarterlyUpdateInputValidator.EvidenceLinkMaxLength);
        builder.Property(u => u.AuthorName).HasMaxLength(256);
        builder.HasIndex(u => new { u.ActionId, u.Year, u.Quarter });
        builder.Ignore(u => u.FinancialQuarter);
    }
}

public sealed class UpdateDraftConfiguration : IEntityTypeConfiguration<UpdateDraft>
{
    public void Configure(EntityTypeBuilder<UpdateDraft> builder)
    {
        builder.ToTable("UpdateDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Narrative).HasMaxLength(QuarterlyUpdateInputValidator.NarrativeMaxLength);
        builder.Property(d => d.EvidenceLink).HasMaxLength(QuarterlyUpdateInputValidator.EvidenceLinkMaxLength);
        // One draft per user, action and quarter: a second tab's keystrokes replace the first's.
        builder.HasIndex(d => new { d.UserId, d.ActionId, d.Year, d.Quarter }).IsUnique();
        builder.HasOne<Tracker.App.Features.Accounts.TrackerUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StrategyAction>().WithMany().HasForeignKey(d => d.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuarterLockConfiguration : EntityConfiguration<QuarterLock>
{
    protected override void ConfigureEntity(EntityTypeBuilder<QuarterLock> builder)
    {
        builder.Property(l => l.LockedBy).HasMaxLength(256);
        builder.HasIndex(l => new { l.StrategyId, l.Year, l.Quarter }).IsUnique();
        builder.HasOne<StrategyEntity>().WithMany().HasForeignKey(l => l.StrategyId);
    }
}

public sealed class RollUpOverrideConfiguration : EntityConfiguration<RollUpOverride>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RollUpOverride> builder)
    {
        builder.Property(o => o.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.Reason).HasMaxLength(500);
        builder.HasIndex(o => new { o.Level, o.TargetId, o.Year, o.Quarter }).IsUnique();
        builder.Ignore(o => o.FinancialQuarter);
    }
}

public sealed class RagDefinitionConfiguration : EntityConfiguration<RagDefinition>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RagDefinition> builder)
    {
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Definition).HasMaxLength(300);
        builder.HasIndex(d => d.Status).IsUnique();
    }
}

public sealed class MetricConfiguration : EntityConfiguration<Metric>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Metric> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.AmberAbovePercent).HasPrecision(6, 1);
        builder.Property(m => m.RedAbovePercent).HasPrecision(6, 1);
        builder.HasOne<StrategyEntity>().WithMany().HasForeignKey(m => m.StrategyId);
        builder.HasOne(m => m.Priority).WithMany().HasForeignKey(m => m.PriorityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Values).WithOne(v => v.Metric).HasForeignKey(v => v.MetricId);
        builder.Navigation(m => m.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class MetricValueConfiguration : EntityConfiguration<MetricValue>
{
    protected override void ConfigureEntity(EntityTypeBuilder<MetricValue> builder)
    {
        builder.Property(v => v.PeriodLabel).HasMaxLength(100);
        builder.Property(v => v.RagOverride).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.OverrideReason).HasMaxLength(500);
        builder.HasIndex(v => new { v.MetricId, v.Year, v.Quarter }).IsUnique();
    }
}
