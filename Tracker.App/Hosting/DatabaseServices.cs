using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

public static class DatabaseServices
{
    /// <summary>
    /// SQLite, a file in the app's data folder (created if missing). PostgreSQL is the planned
    /// alternative for several instances, but its migrations and change relay are not written yet,
    /// so asking for it stops the app with a clear message rather than failing later.
    /// </summary>
    public static void AddTrackerDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Tracker")
                               ?? "Data Source=App_Data/tracker.db";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not supported yet. Use 'Sqlite' (see README, Configuration).");
        connectionString = ResolveSqliteFile(connectionString, builder.Environment.ContentRootPath);

        builder.Services.AddSingleton<SqlitePragmas>();
        // Provider and pragmas once; the factory adds interceptors of its own to each context it makes.
        builder.Services.AddSingleton(sp => new DbContextOptionsBuilder<TrackerDbContext>()
            .UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqlitePragmas>()).Options);
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
