using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tracker.App.Data;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

/// <summary>Which database the tracker uses, and the provider's base options (without interceptors).</summary>
public sealed class TrackerDatabase(string provider, string connectionString, DbContextOptions<TrackerDbContext> options)
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    public string Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;
    public DbContextOptions<TrackerDbContext> Options { get; } = options;
    public bool IsPostgreSql => Provider == PostgreSql;
}

public static class DatabaseServices
{
    /// <summary>
    /// <c>Database:Provider</c> = <c>Sqlite</c> (default: a file in the app's data folder, created if
    /// missing) or <c>PostgreSQL</c> (an existing server; several instances may share it, with the
    /// change relay and shared data protection keys). <c>ConnectionStrings:Tracker</c> either way.
    /// </summary>
    public static void AddTrackerDatabase(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Database:Provider"] ?? TrackerDatabase.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString("Tracker");
        if (configured.Equals(TrackerDatabase.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            connectionString = ResolveSqliteFile(connectionString ?? "Data Source=App_Data/tracker.db", builder.Environment.ContentRootPath);
            builder.Services.AddSingleton<SqlitePragmas>();
            // Provider and pragmas once; the factory adds interceptors of its own to each context it makes.
            builder.Services.AddSingleton(sp => new TrackerDatabase(TrackerDatabase.Sqlite, connectionString,
                new DbContextOptionsBuilder<TrackerDbContext>()
                    .UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqlitePragmas>()).Options));
            // Sign-in cookies and antiforgery tokens survive a restart: the keys live in the data folder.
            builder.Services.AddDataProtection()
                .SetApplicationName("SaferBromley.Tracker")
                .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                    DataFolder(builder.Configuration, builder.Environment.ContentRootPath), "keys")));
        }
        else if (configured.Equals(TrackerDatabase.PostgreSql, StringComparison.OrdinalIgnoreCase)
                 || configured.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL but ConnectionStrings:Tracker is not set (see README, Configuration).");
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(pg.ApplicationName)) pg.ApplicationName = "tracker";
            connectionString = pg.ConnectionString;
            builder.Services.AddSingleton(new TrackerDatabase(TrackerDatabase.PostgreSql, connectionString,
                new DbContextOptionsBuilder<TrackerDbContext>()
                    .UseNpgsql(connectionString).Options));
            // Every instance reads and writes the same keys, so a cookie signed by one is read by another.
            builder.Services.AddScoped(sp => (PostgreSqlTrackerContext)sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContext());
            builder.Services.AddDataProtection()
                .SetApplicationName("SaferBromley.Tracker")
                .PersistKeysToDbContext<PostgreSqlTrackerContext>();
            // The change relay: committed changes and presence reach every instance (LISTEN/NOTIFY).
            builder.Services.AddSingleton<PostgreSqlChangeRelay>();
            builder.Services.AddSingleton<IChangeRelay>(sp => sp.GetRequiredService<PostgreSqlChangeRelay>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlChangeRelay>());
        }
        else
            throw new InvalidOperationException(
                $"Database:Provider '{configured}' is not supported. Use 'Sqlite' or 'PostgreSQL' (see README, Configuration).");

        builder.Services.AddSingleton(sp => sp.GetRequiredService<TrackerDatabase>().Options);
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddScoped<IDbContextFactory<TrackerDbContext>, TrackerDbContextFactory>();
        // Identity's stores, start-up and the health check take a context for the request's scope.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContext());
    }

    /// <summary>The app's data folder: beside the SQLite file by default, for the data protection keys too.</summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration["DataFolder"] ?? "App_Data", contentRoot);

    static string ResolveSqliteFile(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is "" or ":memory:" || csb.Mode == SqliteOpenMode.Memory) return connectionString;
        var path = Path.GetFullPath(csb.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        csb.DataSource = path;
        return csb.ToString();
    }
}
