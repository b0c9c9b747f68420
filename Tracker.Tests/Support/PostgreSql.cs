using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Tracker.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests may use: <c>TRACKER_TEST_POSTGRES</c>, a connection string for a
/// role that may create databases (.ci/run sets it; see README, Development). Each test class gets a
/// database of its own, copied from a template that is migrated and seeded once per test run, so a
/// class starts in about a second rather than seeding again.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string Variable = "TRACKER_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool Configured => AdminConnectionString is not null;

    public static string SkipReason =>
        $"No PostgreSQL configured: set {Variable} to a connection string of a role that may create databases " +
        "(e.g. \"Host=localhost;Username=tracker;Password=tracker;Database=postgres\"); .ci/run always sets it.";

    static readonly string RunId = $"{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
    static readonly SemaphoreSlim TemplateLock = new(1, 1);
    static string? _template;
    static int _next;

    /// <summary>A connection string for <paramref name="database"/> on the test server.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, ApplicationName = "tracker-tests" }.ConnectionString;

    /// <summary>A new database, migrated and seeded with the sample partnership (a copy of the run's template).</summary>
    public static async Task<string> CreateSeededDatabaseAsync()
    {
        var template = await TemplateAsync();
        var name = $"trk_{RunId}_{Interlocked.Increment(ref _next)}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    /// <summary>A new, empty database (nothing migrated).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"trk_{RunId}_{Interlocked.Increment(ref _next)}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE may not end an autovacuum worker (a superuser's backend) that has just started on the
        // database: 42501 for a role like the tests'. The worker goes within moments, so try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (attempt < 20 && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Runs a statement on the server's maintenance database.</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<string> TemplateAsync()
    {
        if (_template is not null) return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            await DropLeftoversAsync();
            var name = $"trk_{RunId}_template";
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            // The app migrates and seeds it on start, exactly as in production; then every connection to
            // it must be gone before CREATE DATABASE … TEMPLATE can copy it.
            await using (var app = new PostgreSqlAppFactory(name))
                _ = app.Services;
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); } catch (Exception) { }
            };
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>Databases of earlier runs that ended without cleaning up (a killed test host).</summary>
    static async Task DropLeftoversAsync()
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT datname FROM pg_database WHERE datname LIKE 'trk\\_%' AND datname NOT LIKE @mine", connection);
            command.Parameters.AddWithValue("mine", $"trk\\_{RunId}\\_%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        foreach (var name in names)
        {
            try { await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"); }
            catch (PostgresException) { }
        }
    }
}

/// <summary>
/// The real app on PostgreSQL, in Development, on a database of its own (seeded from the template, or
/// a given one: several factories on one database are several instances).
/// </summary>
public class PostgreSqlAppFactory : TrackerAppFactory
{
    readonly bool _ownsDatabase;
    string? _database;

    /// <summary>A fresh seeded database of its own, made when the app first starts.</summary>
    public PostgreSqlAppFactory() => _ownsDatabase = true;

    /// <summary>An instance on an existing database (shared with other instances; not dropped on dispose).</summary>
    internal PostgreSqlAppFactory(string database) => _database = database;

    public string Database => _database ??= PostgreSqlTestServer.CreateSeededDatabaseAsync().GetAwaiter().GetResult();

    public string ConnectionString => PostgreSqlTestServer.ConnectionString(Database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (!PostgreSqlTestServer.Configured) throw new InvalidOperationException(PostgreSqlTestServer.SkipReason);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Tracker", ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DropAsync().GetAwaiter().GetResult();
    }

    async Task DropAsync()
    {
        if (!_ownsDatabase || Interlocked.Exchange(ref _database, null) is not { } database) return;
        try { await PostgreSqlTestServer.DropDatabaseAsync(database); }
        catch (NpgsqlException) { }
    }
}

/// <summary>Marks a test class that runs on PostgreSQL: its <see cref="ProviderFactAttribute"/> tests are skipped when none is configured.</summary>
public interface IPostgreSqlTests;

/// <summary>
/// A fact that runs on whichever provider its class uses: on SQLite always; on PostgreSQL (a class
/// marked <see cref="IPostgreSqlTests"/>) only when a server is configured, and otherwise skipped with
/// <see cref="PostgreSqlTestServer.SkipReason"/>.
/// </summary>
[XunitTestCaseDiscoverer("Tracker.Tests.Support.ProviderFactDiscoverer", "Tracker.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory that runs on whichever provider its class uses (see <see cref="ProviderFactAttribute"/>).</summary>
[XunitTestCaseDiscoverer("Tracker.Tests.Support.ProviderTheoryDiscoverer", "Tracker.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

static class ProviderSkip
{
    public static IXunitTestCase? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod) =>
        typeof(IPostgreSqlTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && !PostgreSqlTestServer.Configured
            ? new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(),
                testMethod, PostgreSqlTestServer.SkipReason)
            : null;
}

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) is { } skipped ? [skipped] : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) is { } skipped ? [skipped] : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
