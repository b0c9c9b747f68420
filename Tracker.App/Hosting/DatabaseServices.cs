using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

public static class DatabaseServices
{
    /// <summary>
    /// SQLite by default (a file in the app's data folder, created if missing); PostgreSQL when
    /// <c>Database:Provider</c> is "PostgreSQL". Interceptor order matters: the change feed sees a
    /// save completing before the audit interceptor commits the transaction.
    /// </summary>
    public static void AddTrackerDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Tracker")
                               ?? "Data Source=App_Data/tracker.db";
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            connectionString = ResolveSqliteFile(connectionString, builder.Environment.ContentRootPath);

        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddScoped<ChangeFeedInterceptor>();
        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddDbContext<TrackerDbContext>((sp, options) =>
        {
            if (provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
                options.UseNpgsql(connectionString);
            else
                options.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqlitePragmas>());
            options.AddInterceptors(
                sp.GetRequiredService<ChangeFeedInterceptor>(),
                sp.GetRequiredService<AuditInterceptor>());
        });
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
