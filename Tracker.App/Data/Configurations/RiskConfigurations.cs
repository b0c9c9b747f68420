using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.People;
using Tracker.Domain.Risks;

namespace Tracker.App.Data.Configurations;

public sealed class RiskConfiguration : EntityConfiguration<Risk>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Risk> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(10);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(1000);
        builder.Property(r => r.Cause).HasMaxLength(4000);
        builder.Property(r => r.Impact).HasMaxLength(4000);
        builder.Property(r => r.Controls).HasMaxLength(4000);
        builder.Property(r => r.Categories).HasMaxLength(40);
        builder.Property(r => r.ClosingNote).HasMaxLength(2000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.OwnerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.FurtherActions).WithOne(a => a.Risk).HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Assessments).WithOne(a => a.Risk).HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Reviews).WithOne(a => a.Risk).HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.FurtherActions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Assessments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.Gross);
        builder.Ignore(r => r.Net);
        builder.Ignore(r => r.Target);
        builder.Ignore(r => r.Current);
        builder.Ignore(r => r.CategoryCodes);
    }
}

public sealed class FurtherActionConfiguration : EntityConfiguration<FurtherAction>
{
    protected override void ConfigureEntity(EntityTypeBuilder<FurtherAction> builder)
    {
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.Owner).HasMaxLength(100);
        builder.Property(a => a.Rag).HasConversion<string>().HasMaxLength(10);
    }
}

public sealed class RiskAssessmentConfiguration : EntityConfiguration<RiskAssessment>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.Property(a => a.AssessedBy).HasMaxLength(256);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.HasIndex(a => new { a.RiskId, a.AssessedOn });
        builder.Ignore(a => a.Gross);
        builder.Ignore(a => a.Net);
        builder.Ignore(a => a.Target);
        builder.Ignore(a => a.Current);
    }
}

public sealed class RiskReviewConfiguration : EntityConfiguration<RiskReview>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RiskReview> builder)
    {
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(4000);
        builder.Property(r => r.AgreedChanges).HasMaxLength(4000);
        builder.HasIndex(r => r.ReviewedOn);
    }
}

public sealed class RiskSettingsConfiguration : EntityConfiguration<RiskSettings>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RiskSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.MaxScore);
        // The defaults exist in every database, so the register works before anyone edits them.
        builder.HasData(new RiskSettings { Id = RiskSettings.SingletonId, Version = 1, CreatedBy = "System", UpdatedBy = "System" });
    }
}

public sealed class RiskCategoryConfiguration : EntityConfiguration<RiskCategory>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RiskCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(1);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Label).HasMaxLength(50);
        builder.Property(c => c.Appetite).HasConversion<string>().HasMaxLength(10);
        builder.HasData(RiskCategory.Defaults().Select((c, i) => new RiskCategory
        {
            Id = i + 1, Code = c.Code, Label = c.Label, Appetite = c.Appetite, Version = 1, CreatedBy = "System", UpdatedBy = "System",
        }));
    }
}
