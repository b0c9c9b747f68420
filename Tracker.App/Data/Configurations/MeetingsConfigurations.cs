using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.Meetings;

namespace Tracker.App.Data.Configurations;

public sealed class MeetingConfiguration : EntityConfiguration<Meeting>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Venue).HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.GroupId, m.Date });
        builder.HasMany(m => m.Agenda).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId);
        builder.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Attendance).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId);
        builder.Navigation(m => m.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class AgendaItemConfiguration : EntityConfiguration<AgendaItem>
{
    protected override void ConfigureEntity(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(10);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Presenter).HasMaxLength(200);
        builder.Property(a => a.PaperLink).HasMaxLength(500);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class AttendanceConfiguration : EntityConfiguration<Attendance>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("Attendance");
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.SubstituteFor).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class MinuteItemConfiguration : EntityConfiguration<MinuteItem>
{
    protected override void ConfigureEntity(EntityTypeBuilder<MinuteItem> builder)
    {
        builder.Property(m => m.Suffix).HasMaxLength(1);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Ignore(m => m.MinuteNumber);
        // A minute number is used once within a group's numbering series.
        builder.HasIndex(m => new { m.GroupId, m.Series, m.Number, m.Suffix }).IsUnique();
        builder.HasOne(m => m.Meeting).WithMany().HasForeignKey(m => m.MeetingId);
        builder.HasMany(m => m.Resolutions).WithOne(r => r.MinuteItem).HasForeignKey(r => r.MinuteItemId);
        builder.Navigation(m => m.Resolutions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ResolutionConfiguration : EntityConfiguration<Resolution>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Resolution> builder)
    {
        builder.Property(r => r.Owners).HasMaxLength(200);
    }
}

public sealed class MatterArisingConfiguration : EntityConfiguration<MatterArising>
{
    protected override void ConfigureEntity(EntityTypeBuilder<MatterArising> builder)
    {
        builder.ToTable("MattersArising");
        builder.Property(m => m.MinuteNumber).HasMaxLength(10);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.Owners).HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.ClosedBy).HasMaxLength(256);
        builder.Ignore(m => m.Label);
        builder.HasIndex(m => new { m.GroupId, m.Status });
        builder.HasOne(m => m.Meeting).WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.DueMeeting).WithMany().HasForeignKey(m => m.DueMeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Resolution).WithMany().HasForeignKey(m => m.ResolutionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Updates).WithOne(u => u.Matter).HasForeignKey(u => u.MatterArisingId);
        builder.Navigation(m => m.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class MatterUpdateConfiguration : EntityConfiguration<MatterUpdate>
{
    protected override void ConfigureEntity(EntityTypeBuilder<MatterUpdate> builder)
    {
        builder.Property(u => u.Author).HasMaxLength(256);
    }
}

public sealed class SubGroupReportConfiguration : EntityConfiguration<SubGroupReport>
{
    protected override void ConfigureEntity(EntityTypeBuilder<SubGroupReport> builder)
    {
        builder.Property(r => r.Author).HasMaxLength(200);
        builder.HasIndex(r => new { r.MeetingId, r.SubGroupId }).IsUnique();
        builder.HasOne(r => r.Meeting).WithMany().HasForeignKey(r => r.MeetingId);
        builder.HasOne(r => r.SubGroup).WithMany().HasForeignKey(r => r.SubGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StandingItemConfiguration : EntityConfiguration<StandingItem>
{
    protected override void ConfigureEntity(EntityTypeBuilder<StandingItem> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Presenter).HasMaxLength(200);
        builder.HasOne<Tracker.Domain.People.Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.GroupId, s.Order });
    }
}
