using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracker.App.Data;

namespace Tracker.Tests.Support;

/// <summary>
/// The real app, in Development with its sample data, on a fresh SQLite file of its own. Each test
/// class gets one through <see cref="IClassFixture{TFixture}"/>; tests that change data must not
/// depend on each other's changes.
/// </summary>
public class TrackerAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Bromley-Demo-2026";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));

    /// <summary>False keeps the sign-in throttle's limits from appsettings (see <see cref="ThrottledAppFactory"/>).</summary>
    protected virtual bool RaiseSignInLimits => true;

    public string DatabasePath => Path.Combine(_folder, "tracker.db");

    /// <summary>What this instance logged at Warning and above, for a failing test's message.</summary>
    public RecordedWarnings Warnings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Tracker", $"Data Source={DatabasePath}");
        builder.UseSetting("DataFolder", _folder);
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.AddProvider(Warnings));
        if (RaiseSignInLimits)
        {
            // Tests (and the browser tests) sign in many times from one address.
            builder.UseSetting("SignIn:AddressPermitLimit", "100000");
            builder.UseSetting("SignIn:AccountPermitLimit", "100000");
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreatePlainClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as one of the demo accounts (admin, chair, lead, member).</summary>
    public async Task<HttpClient> SignInAsync(string account, string password = DemoPassword)
    {
        var client = CreatePlainClient();
        var email = account.Contains('@') ? account : $"{account}@example.org";
        var response = await client.PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Runs code against the app's database, for arranging and asserting.</summary>
    public async Task<T> WithDbAsync<T>(Func<TrackerDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TrackerDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
