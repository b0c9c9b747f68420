using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Tracker.App.Data;

/// <summary>
/// The tracker's model on PostgreSQL. A type of its own only so that EF Core keeps a migrations set
/// per provider: SQLite's in Data/Migrations (for <see cref="TrackerDbContext"/>), PostgreSQL's in
/// Data/Migrations/PostgreSql (for this type). The factory makes one of these whenever
/// <c>Database:Provider</c> is PostgreSQL; everything else sees a <see cref="TrackerDbContext"/>.
/// It also holds the data protection keys, so a cookie signed by one instance is read by another
/// (SQLite keeps them in the data folder, as before).
/// </summary>
public sealed class PostgreSqlTrackerContext(DbContextOptions<TrackerDbContext> options)
    : TrackerDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
