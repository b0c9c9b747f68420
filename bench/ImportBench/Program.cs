// Imports a generated register of N risks (10,000 by default) into a fresh sample database through
// RiskImportService, as the administrator, and prints the time, the server's CPU time and the memory
// it took (peak resident memory over the import, and the managed heap after it).
//   dotnet run -c Release --project bench/ImportBench -- [rows]
using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Tracker.App.Common;
using Tracker.App.Features.Accounts;
using Tracker.App.Features.Risks;
using Tracker.App.Hosting;

var rows = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var folder = Directory.CreateTempSubdirectory("tracker-import-bench").FullName;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = folder });
builder.Configuration["ConnectionStrings:Tracker"] = $"Data Source={Path.Combine(folder, "tracker.db")}";
builder.Configuration["DataFolder"] = folder;
builder.Configuration["Demo:Password"] = "Bromley-Demo-2026";
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddTracker();
var app = builder.Build();
await app.PrepareDatabaseAsync();

await using var scope = app.Services.CreateAsyncScope();
var users = scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>();
var admin = await users.FindByEmailAsync("admin@example.org") ?? throw new InvalidOperationException("No demo administrator");
var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<TrackerUser>>().CreateAsync(admin);
scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(principal);
var import = scope.ServiceProvider.GetRequiredService<RiskImportService>();

var csv = Encoding.UTF8.GetBytes(Csv(rows));
GC.Collect();
var process = Process.GetCurrentProcess();
process.Refresh();
var rssBefore = process.WorkingSet64;
File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5"); // resets VmHWM to the resident memory now
var cpuBefore = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
var result = await import.ImportCsvAsync(new MemoryStream(csv), "register.csv", csv.Length);
clock.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
var peak = long.Parse(File.ReadAllLines($"/proc/{Environment.ProcessId}/status").First(l => l.StartsWith("VmHWM:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine($"rows: {rows:N0}, file: {csv.Length / 1024.0 / 1024:F2} MiB");
Console.WriteLine($"import: {clock.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU; created {result.Created}, updated {result.Updated}, errors {result.ErrorCount}");
Console.WriteLine($"memory: resident {rssBefore / 1048576.0:F0} MiB before, peak {peak / 1048576.0:F0} MiB during (+{(peak - rssBefore) / 1048576.0:F0} MiB)");
await app.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);

// The register's own CSV layout, as bench/import.mjs made it: awkward enough to exercise the parser.
static string Csv(int rows)
{
    var text = new StringBuilder("Reference,Risk,Cause,Impact,Categories,Owner group,Gross likelihood,Gross severity,Gross score,Controls in place,Net likelihood,Net severity,Net score,Further actions,Action owners,Action RAG,Target completion dates,Target likelihood,Target severity,Target score,Review date,Status\r\n");
    string[] rags = ["Red", "Amber", "Green", "Blue", ""];
    for (var i = 1; i <= rows; i++)
    {
        int g = 1 + i % 5, s = 1 + i * 7 % 5, n = Math.Max(1, g - 1), t = 1;
        var actions = i % 3 == 0 ? "" : $"Agree the plan for risk {i} | Report back on risk {i}";
        var reference = $"{(i <= 5000 ? "X" : "Y")}{(i - 1) % 5000 + 1}";
        text.Append(string.Join(",", reference, $"\"Generated risk {i}, for the import benchmark\"", $"Cause of risk {i}", $"Impact of risk {i}", "\"P, E\"",
            "Strategic Group", g, s, g * s, $"Controls for risk {i}", n, s, n * s, actions, actions == "" ? "" : "AM | RV",
            actions == "" ? "" : $"{rags[i % 5]} | {rags[(i + 1) % 5]}", actions == "" ? "" : "31/03/2027 | 30/06/2027", t, 1, t, "31/03/2027", "Open")).Append("\r\n");
    }
    return text.ToString();
}
