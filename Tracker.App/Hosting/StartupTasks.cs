using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Data;
using Tracker.App.Data.SampleData;
using Tracker.App.Features.Accounts;
using Tracker.App.Features.Reminders;
using Tracker.Domain.People;

namespace Tracker.App.Hosting;

public static class StartupTasks
{
    /// <summary>Any number, the same on every instance: the PostgreSQL advisory lock held while one instance migrates and seeds.</summary>
    public const long MigrationLockKey = 0x5472_6163_6B65_72; // "Tracker"

    /// <summary>
    /// Applies migrations, makes sure the roles exist, and in Development seeds the sample partnership
    /// once. On PostgreSQL several instances may start together: each takes an advisory lock first, so
    /// one migrates and seeds while the others wait, then find nothing left to do.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<TrackerDatabase>();
        if (!database.IsPostgreSql)
        {
            await MigrateAndSeedAsync(app);
        }
        else
        {
            // A connection of its own holds the lock for the whole of migrate + seed (session-level lock:
            // released when the connection closes, even if this instance dies half-way).
            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                take.Parameters.AddWithValue("key", MigrationLockKey);
                take.CommandTimeout = 0;
                await take.ExecuteNonQueryAsync();
            }
            try
            {
                await MigrateAndSeedAsync(app);
            }
            finally
            {
                await using var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", MigrationLockKey);
                await release.ExecuteNonQueryAsync();
            }
        }
        app.Services.GetRequiredService<Readiness>().MarkDatabaseReady();
    }

    static async Task MigrateAndSeedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrackerDbContext>();
        await db.Database.MigrateAsync();

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in TrackerRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedSampleData", true))
            await services.GetRequiredService<SampleDataSeeder>().SeedOnceAsync();
    }

    /// <summary>
    /// <c>create-admin --email a@b --name "Name" --password …</c> creates the first administrator
    /// outside Development and exits. Returns true when a command ran.
    /// </summary>
    public static async Task<bool> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        if (args.Length > 0 && args[0] == "send-reminders") return await SendRemindersAsync(app);
        if (args.Length == 0 || args[0] != "create-admin") return false;
        await app.PrepareDatabaseAsync();
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Option("--email");
        var password = Option("--password") ?? Environment.GetEnvironmentVariable("TRACKER_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine("Usage: create-admin --email name@example.org --name \"Full Name\" --password <at least 12 characters>");
            Environment.ExitCode = 2;
            return true;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>();
        var user = new TrackerUser { UserName = email, Email = email, DisplayName = Option("--name") ?? email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, TrackerRoles.Administrator);
        foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
        Console.WriteLine(result.Succeeded ? $"Created administrator {email}." : "No administrator was created.");
        Environment.ExitCode = result.Succeeded ? 0 : 1;
        return true;
    }

    /// <summary>
    /// <c>send-reminders</c> sends whatever reminders are due now (and retries failed sends), prints how
    /// many were sent and exits: for cron, and to try the reminders. Safe to run beside the app.
    /// </summary>
    static async Task<bool> SendRemindersAsync(WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        Environment.ExitCode = await SendRemindersCommandAsync(app.Services, Console.Out);
        return true;
    }

    /// <summary>The <c>send-reminders</c> command's work: sends what is due, writes the count, returns the exit code.</summary>
    public static async Task<int> SendRemindersCommandAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueAsync(ct);
        await output.WriteLineAsync($"Sent {summary.Sent} reminder{(summary.Sent == 1 ? "" : "s")}."
                                    + (summary.Failed > 0 ? $" {summary.Failed} failed and will be retried." : ""));
        return summary.Failed > 0 ? 1 : 0;
    }
}
