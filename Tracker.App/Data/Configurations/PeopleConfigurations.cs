using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.App.Features.Accounts;
using Tracker.Domain.People;

namespace Tracker.App.Data.Configurations;

public sealed class PartnerConfiguration : EntityConfiguration<Partner>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(20);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

public sealed class PersonConfiguration : EntityConfiguration<Person>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Initials).HasMaxLength(5);
        builder.Property(p => p.RoleTitle).HasMaxLength(150);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.HasIndex(p => p.Initials).IsUnique();
        builder.HasOne(p => p.Partner).WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class GroupConfiguration : EntityConfiguration<Group>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Group> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.ShortName).HasMaxLength(100);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(g => g.ParentGroup).WithMany().HasForeignKey(g => g.ParentGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Members).WithOne(m => m.Group).HasForeignKey(m => m.GroupId);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.HasKey(m => new { m.GroupId, m.PersonId });
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
    }
}

public sealed class TrackerUserConfiguration : IEntityTypeConfiguration<TrackerUser>
{
    public void Configure(EntityTypeBuilder<TrackerUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
