using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Accounts;
using Tracker.App.Features.Risks;

[assembly: HostingStartup(typeof(BenchHook.BenchStartup))]

namespace BenchHook;

/// <summary>
/// Adds, in front of the app's own pipeline, requests only loopback clients may make:
/// <list type="bullet">
/// <item><c>POST /_bench/risks?total=1000</c>: imports generated risks through <see cref="RiskImportService"/>
/// (as the administrator) until the register holds that many;</item>
/// <item><c>POST /_bench/writer/start?rate=20</c>, <c>POST /_bench/writer/stop</c>: a writer saving R1
/// through <see cref="RiskService.UpdateAsync"/> (as the administrator) that many times a second; stop
/// answers how many saves were made and their median and p99 time.</item>
/// </list>
/// </summary>
public sealed class BenchStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<BenchWriter>();
            services.AddSingleton<IStartupFilter, BenchEndpoints>();
        });
}

sealed class BenchEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, then) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/_bench")) { await then(context); return; }
            if (context.Connection.RemoteIpAddress is not { } ip || !System.Net.IPAddress.IsLoopback(ip) || !HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var services = context.RequestServices;
            var writer = services.GetRequiredService<BenchWriter>();
            string answer;
            if (path == "/_bench/risks")
                answer = await BenchWriter.GenerateRisksAsync(services, int.Parse(context.Request.Query["total"].FirstOrDefault() ?? "1000"));
            else if (path == "/_bench/writer/start")
                answer = writer.Start(double.Parse(context.Request.Query["rate"].FirstOrDefault() ?? "20", System.Globalization.CultureInfo.InvariantCulture));
            else if (path == "/_bench/writer/stop")
                answer = await writer.StopAsync();
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await context.Response.WriteAsync(answer + "\n");
        });
        next(app);
    };
}

/// <summary>Saves R1's controls through the app's own service, as the administrator, at a steady rate.</summary>
sealed class BenchWriter(IServiceProvider root)
{
    CancellationTokenSource? _stop;
    Task<string>? _running;

    public string Start(double rate)
    {
        if (_running is not null) return "already writing";
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _running = Task.Run(() => LoopAsync(rate, token));
        return $"writing {rate} saves a second";
    }

    public async Task<string> StopAsync()
    {
        if (_running is null || _stop is null) return "not writing";
        await _stop.CancelAsync();
        var result = await _running;
        _running = null;
        return result;
    }

    async Task<string> LoopAsync(double rate, CancellationToken stop)
    {
        await using var scope = await AsAdministratorAsync(root);
        var risks = scope.ServiceProvider.GetRequiredService<RiskService>();
        var times = new List<double>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var next = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            var risk = await risks.GetForEditAsync(1, CancellationToken.None) ?? throw new InvalidOperationException("No risk 1");
            var result = await risks.UpdateAsync(1, risk.Version, risk.Input with { Controls = $"Continuous writer {times.Count} {DateTime.UtcNow:O}" }, CancellationToken.None);
            if (result.Succeeded) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            else failed++;
            next += interval;
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop); } catch (OperationCanceledException) { }
            }
        }
        times.Sort();
        double P(double p) => times.Count == 0 ? double.NaN : times[Math.Min(times.Count - 1, (int)Math.Ceiling(p / 100 * times.Count) - 1)];
        return FormattableString.Invariant($"saves {times.Count} in {clock.Elapsed.TotalSeconds:F1} s ({times.Count / clock.Elapsed.TotalSeconds:F1}/s), failed {failed}, save p50 {P(50):F1} ms p99 {P(99):F1} ms");
    }

    static async Task<AsyncServiceScope> AsAdministratorAsync(IServiceProvider root)
    {
        var scope = root.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>();
        var admin = await users.FindByEmailAsync("admin@example.org") ?? throw new InvalidOperationException("No demo administrator");
        ClaimsPrincipal principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<TrackerUser>>().CreateAsync(admin);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(principal);
        return scope;
    }

    /// <summary>Imports generated risks through the import service until the register holds <paramref name="total"/>.</summary>
    public static async Task<string> GenerateRisksAsync(IServiceProvider root, int total)
    {
        await using var scope = await AsAdministratorAsync(root);
        var queries = scope.ServiceProvider.GetRequiredService<RiskRegisterQueries>();
        var have = (await queries.GetRegisterAsync(new RiskFilter { Status = "all" })).Rows.Count;
        if (have >= total) return $"the register holds {have} risks";
        var csv = Encoding.UTF8.GetBytes(Csv(total - have));
        var clock = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<RiskImportService>().ImportCsvAsync(new MemoryStream(csv), "generated.csv", csv.Length);
        return $"imported {result.Created} risks in {clock.Elapsed.TotalSeconds:F1} s (errors {result.ErrorCount}); the register holds {have + result.Created}";
    }

    /// <summary>The register's CSV layout, as bench/ImportBench makes it: varied scores, bands, groups' actions, review dates.</summary>
    static string Csv(int rows)
    {
        var text = new StringBuilder("Reference,Risk,Cause,Impact,Categories,Owner group,Gross likelihood,Gross severity,Gross score,Controls in place,Net likelihood,Net severity,Net score,Further actions,Action owners,Action RAG,Target completion dates,Target likelihood,Target severity,Target score,Review date,Status\r\n");
        string[] rags = ["Red", "Amber", "Green", "Blue", ""];
        string[] categories = ["P", "E", "\"P, E\"", "S", "\"T, L\"", "C"];
        for (var i = 1; i <= rows; i++)
        {
            int g = 1 + i % 5, s = 1 + i * 7 % 5, n = Math.Max(1, g - 1), t = 1;
            var actions = i % 3 == 0 ? "" : $"Agree the plan for generated risk {i} | Report back on generated risk {i}";
            var review = new DateOnly(2026, 1, 1).AddDays(i * 37 % 540);
            text.Append(string.Join(",", $"G{i}", $"\"Generated risk {i}, for the page benchmarks\"", $"Cause of generated risk {i}", $"Impact of generated risk {i}",
                categories[i % categories.Length], "Strategic Group", g, s, g * s, $"Controls for generated risk {i}", n, s, n * s, actions, actions == "" ? "" : "AM | RV",
                actions == "" ? "" : $"{rags[i % 5]} | {rags[(i + 1) % 5]}", actions == "" ? "" : "31/03/2027 | 30/06/2027", t, 1, t,
                review.ToString("dd/MM/yyyy"), "Open")).Append("\r\n");
        }
        return text.ToString();
    }
}
