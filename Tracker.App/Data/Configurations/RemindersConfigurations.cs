using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Domain.People;
using Tracker.Domain.Reminders;

namespace Tracker.App.Data.Configurations;

public sealed class ReminderMessageConfiguration : IEntityTypeConfiguration<ReminderMessage>
{
    public void Configure(EntityTypeBuilder<ReminderMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        builder.Property(m => m.TriggeredBy).HasMaxLength(256);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Records).WithOne(r => r.Message).HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Records).HasField("_records");
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}

public sealed class ReminderRecordConfiguration : IEntityTypeConfiguration<ReminderRecord>
{
    public void Configure(EntityTypeBuilder<ReminderRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.About).HasMaxLength(100);
        builder.Property(r => r.Occasion).HasMaxLength(100);
        // Nothing is sent twice: a second claim of the same reminder is refused by the database.
        builder.HasIndex(r => new { r.PersonId, r.Kind, r.About, r.Occasion }).IsUnique();
    }
}

public sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> builder)
    {
        builder.HasKey(p => new { p.PersonId, p.Kind });
        builder.Property(p => p.ChangedBy).HasMaxLength(256);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
