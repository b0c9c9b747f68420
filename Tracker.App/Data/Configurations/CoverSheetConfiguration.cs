using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Meetings;

namespace Tracker.App.Data.Configurations;

public sealed class CoverSheetConfiguration : EntityConfiguration<CoverSheet>
{
    protected override void ConfigureEntity(EntityTypeBuilder<CoverSheet> builder)
    {
        builder.Property(c => c.Paper).HasMaxLength(40);
        builder.Property(c => c.ReportNumber).HasMaxLength(20);
        builder.Property(c => c.ContactOfficer).HasMaxLength(200);
        builder.Property(c => c.ContactTelephone).HasMaxLength(20);
        builder.Property(c => c.ContactEmail).HasMaxLength(200);
        builder.Property(c => c.ChiefOfficer).HasMaxLength(200);
        builder.Property(c => c.DecisionType).HasMaxLength(100);
        builder.Property(c => c.Ward).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(CoverSheetInputValidator.MaxText);
        builder.Property(c => c.Recommendation).HasMaxLength(CoverSheetInputValidator.MaxText);
        builder.Property(c => c.Classification).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(c => c.Meeting).WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // One cover sheet per paper per meeting.
        builder.HasIndex(c => new { c.MeetingId, c.Paper }).IsUnique();
    }
}
