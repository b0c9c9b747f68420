// Circuit load client for the interactive app (issue 14, issue 15's relay). Run against an app started
// with Bench__Endpoints=true and the sign-in limits raised (bench/circuits.sh, bench/relay.sh do that).
//   trace   --base URL --path /risks [--risk 1]          one circuit, every message in and out, then one change
//   browser --base URL --path /risks [--risk 1]          the same page in Chromium, its WebSocket frames decoded the same way
//   fanout  --base URL[,URL2] --path /risks --viewers 50 --changes 200 [--writer-base URL] [--risk 1] [--gap-ms 1000] [--warmup 80]
//   memory  --base URL --path /risks --viewers 200 [--account chair] [--retention-wait 200]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CircuitLoad;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var command = args.Length > 0 ? args[0] : "help";
var options = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Opt(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;
var bases = Opt("base", "http://127.0.0.1:5410").Split(',').Select(b => new Uri(b.TrimEnd('/') + "/")).ToArray();
var path = Opt("path", "/risks");
var riskId = int.Parse(Opt("risk", "1"));
var account = Opt("account", "member");
// The app's process on this machine (optional): its CPU time over the saves, a heap dump of the circuits.
var serverPid = options.TryGetValue("server-pid", out var pidText) ? int.Parse(pidText) : (int?)null;

switch (command)
{
    case "trace": await TraceAsync(); break;
    case "browser": await BrowserTrace.RunAsync(bases[0], path, account, riskId); break;
    case "fanout": await FanOutAsync(); break;
    case "memory": await MemoryAsync(); break;
    default: Console.WriteLine("commands: trace, browser, fanout, memory (see Program.cs)"); return 2;
}
return 0;

async Task TraceAsync()
{
    var (cookies, http) = await SignIn.AsAsync(bases[0], account);
    // A token no earlier run has left in the title.
    var token = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 90_000) + 1;
    var writer = await Writer.StartAsync(bases[0]);
    await writer.ResetAsync(riskId); // the page starts from the same title as the browser's trace
    var viewer = new Viewer(bases[0], cookies, http, token) { Trace = [], TraceTimes = Environment.GetEnvironmentVariable("TRACE_TIMES") is not null, DumpBatches = options.ContainsKey("dump-batches") };
    var clock = Stopwatch.StartNew();
    await viewer.StartAsync(path, CancellationToken.None);
    Console.WriteLine($"# first render batch after {clock.ElapsedMilliseconds} ms");
    await Quiet([viewer], TimeSpan.FromSeconds(3));
    viewer.Trace.Add("-- change saved");
    var save = await writer.SaveAsync(riskId, token);
    await Quiet([viewer], TimeSpan.FromSeconds(3));
    foreach (var line in viewer.Trace) Console.WriteLine(line);
    Console.WriteLine($"# token seen {viewer.Received[token] - save.Committed:F1} ms after the commit; error: {viewer.Error ?? "none"}");
    await viewer.CloseAsync();
}

async Task FanOutAsync()
{
    var viewers = int.Parse(Opt("viewers", "50"));
    var changes = int.Parse(Opt("changes", "200"));
    var gap = int.Parse(Opt("gap-ms", "0"));
    var warmup = int.Parse(Opt("warmup", "80"));
    var writerBase = new Uri(Opt("writer-base", bases[0].ToString()).TrimEnd('/') + "/");
    Console.WriteLine($"# fan-out: {viewers} viewers on {path} at {string.Join(", ", bases.Select(b => b.Authority))}, writer at {writerBase.Authority}, {changes} changes to risk {riskId} after {warmup} not measured");
    var writer = await Writer.StartAsync(writerBase);
    await writer.ResetAsync(riskId);
    await Task.Delay(1000); // the reset reaches the other instance before anyone opens the page
    var all = new List<(Uri Base, Viewer Viewer)>();
    var clock = Stopwatch.StartNew();
    foreach (var b in bases)
    {
        var (cookies, http) = await SignIn.AsAsync(b, account);
        var mine = Enumerable.Range(0, viewers / bases.Length).Select(_ => new Viewer(b, cookies, http, changes)).ToList();
        await StartAllAsync(mine);
        all.AddRange(mine.Select(v => (b, v)));
    }
    Console.WriteLine($"# {all.Count} circuits started in {clock.Elapsed.TotalSeconds:F1} s; {all.Sum(v => v.Viewer.Batches)} batches so far");
    await Quiet(all.Select(v => v.Viewer).ToList(), TimeSpan.FromSeconds(3));
    // Warm-up saves, not measured. The first saves after start-up run code the JIT has not yet optimised: the
    // delivery path is first used by a save, and the save's own path (EF Core's, the audit's) is optimised only
    // after some 60 saves, compiling 5,000 methods (3 s of CPU) on the way. A server that has been up is warm.
    for (var i = 1; i <= warmup; i++)
    {
        await writer.SaveAsync(riskId, changes + i); // tokens past the last measured change, which viewers ignore
        await Task.Delay(100);
    }
    if (warmup > 0) await Quiet(all.Select(v => v.Viewer).ToList(), TimeSpan.FromSeconds(3));
    var batchesBefore = all.Sum(v => v.Viewer.Batches);

    var saves = new List<Save>();
    var gcBefore = await writer.GcAsync();
    var cpuBefore = CpuSeconds(serverPid);
    var clientCpuBefore = CpuSeconds(Environment.ProcessId);
    clock.Restart();
    for (var i = 1; i <= changes; i++)
    {
        saves.Add(await writer.SaveAsync(riskId, i));
        if (gap > 0) await Task.Delay(gap);
    }
    var writing = clock.Elapsed;
    var cpu = CpuSeconds(serverPid) - cpuBefore;
    var clientCpu = CpuSeconds(Environment.ProcessId) - clientCpuBefore;
    var gcAfter = await writer.GcAsync();
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (DateTime.UtcNow < deadline && all.Any(v => double.IsNaN(v.Viewer.Received[changes]))) await Task.Delay(100);
    await Task.Delay(500);
    Console.WriteLine($"# {changes} saves in {writing.TotalSeconds:F1} s ({changes / writing.TotalSeconds:F0}/s); save request p50 {Percentile(saves.Select(s => s.Returned - s.Sent).ToList(), 50):F1} ms; render batches during: {all.Sum(v => v.Viewer.Batches) - batchesBefore}");
    if (serverPid is not null)
        Console.WriteLine($"# server CPU over the saves: {cpu:F1} s ({cpu * 1000 / changes:F1} ms per save, {cpu * 1e6 / Math.Max(1, all.Sum(v => v.Viewer.Batches) - batchesBefore):F0} µs per render batch sent); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    if (gcBefore is not null && gcAfter is not null)
        Console.WriteLine($"# saving instance's garbage over the saves: {(gcAfter.AllocatedBytes - gcBefore.AllocatedBytes) / 1024.0 / 1024 / changes:F1} MiB allocated per save; collections gen0 {gcAfter.Gen0 - gcBefore.Gen0}, gen1 {gcAfter.Gen1 - gcBefore.Gen1}, gen2 {gcAfter.Gen2 - gcBefore.Gen2}; paused {gcAfter.PauseMs - gcBefore.PauseMs:F0} ms in all; methods compiled {gcAfter.JitMethods - gcBefore.JitMethods} ({gcAfter.JitMs - gcBefore.JitMs:F0} ms)");
    // On the same cores: what the load client took is what the app could not have.
    Console.WriteLine($"# load client CPU over the saves: {clientCpu:F1} s ({clientCpu * 1000 / changes:F1} ms per save)");
    foreach (var group in all.GroupBy(v => v.Base))
        Report(group.Key == writerBase || bases.Length == 1 ? $"{group.Key.Authority} (saving instance)" : $"{group.Key.Authority} (relayed)",
            group.Select(v => v.Viewer).ToList(), saves, changes);
    if (bases.Length == 2)
    {
        // Per save: the first viewer to see it on the other instance, against the first on the saving one.
        var a = all.Where(v => v.Base == writerBase).Select(v => v.Viewer).ToList();
        var b = all.Where(v => v.Base != writerBase).Select(v => v.Viewer).ToList();
        var added = Enumerable.Range(1, changes).Select(i => First(b, i) - First(a, i)).Where(d => !double.IsNaN(d)).ToList();
        Console.WriteLine($"| added by the relay (first on B - first on A, per save) | {added.Count} / {changes} saves | {Percentile(added, 50):F1} | {Percentile(added, 95):F1} | {Percentile(added, 99):F1} | {added.DefaultIfEmpty().Max():F1} |");
    }
    var errors = all.Where(v => v.Viewer.Error is not null).ToList();
    if (errors.Count > 0) Console.WriteLine($"# {errors.Count} viewers with errors, e.g. {errors[0].Viewer.Error}");
    await Task.WhenAll(all.Select(v => v.Viewer.CloseAsync()));
}

static double First(List<Viewer> viewers, int i) => viewers.Select(v => Shown(v, i)).Where(t => !double.IsNaN(t)).DefaultIfEmpty(double.NaN).Min();

// When the viewer first showed change i or a later one (the live model coalesces a burst into one render).
static double Shown(Viewer v, int i)
{
    var t = double.NaN;
    for (var j = i; j < v.Received.Length; j++)
        if (!double.IsNaN(v.Received[j]) && (double.IsNaN(t) || v.Received[j] < t)) t = v.Received[j];
    return t;
}

void Report(string label, List<Viewer> viewers, List<Save> saves, int changes)
{
    var exact = viewers.Sum(v => Enumerable.Range(1, changes).Count(i => !double.IsNaN(v.Received[i])));
    var latencies = new List<double>();
    var fromSent = new List<double>();
    foreach (var v in viewers)
        for (var i = 1; i <= changes; i++)
        {
            var shown = Shown(v, i);
            if (double.IsNaN(shown)) continue;
            latencies.Add(shown - (saves[i - 1].Committed ?? saves[i - 1].Returned));
            fromSent.Add(shown - saves[i - 1].Sent);
        }
    var expected = viewers.Count * changes;
    // The saves whose last viewers waited longest, and when (seconds after the first save): a tail that comes
    // from a few saves points at something that happened then (a collection, timers firing together).
    var slowest = Enumerable.Range(1, changes)
        .Select(i => (Save: i, Max: viewers.Select(v => Shown(v, i) - (saves[i - 1].Committed ?? saves[i - 1].Returned)).Where(d => !double.IsNaN(d)).DefaultIfEmpty().Max()))
        .OrderByDescending(s => s.Max).Take(5);
    Console.Error.WriteLine($"# {label}: slowest saves (last viewer, seconds after the first save): " +
        string.Join(", ", slowest.Select(s => $"#{s.Save} {s.Max:F0} ms at {(saves[s.Save - 1].Sent - saves[0].Sent) / 1000:F0} s")));
    Console.WriteLine($"| {label} | {viewers.Count} | {latencies.Count:N0} / {expected:N0} shown ({exact:N0} in their own batch) | {Percentile(latencies, 50):F1} | {Percentile(latencies, 95):F1} | {Percentile(latencies, 99):F1} | {latencies.DefaultIfEmpty().Max():F1} | from sent p50 {Percentile(fromSent, 50):F1} p99 {Percentile(fromSent, 99):F1} |");
}

async Task MemoryAsync()
{
    var viewers = int.Parse(Opt("viewers", "200"));
    var retentionWait = int.Parse(Opt("retention-wait", "0"));
    var b = bases[0];
    var (cookies, http) = await SignIn.AsAsync(b, account);
    // Warm up: the page's code, caches and the first circuit's one-off costs are not per viewer.
    var warm = Enumerable.Range(0, 3).Select(_ => new Viewer(b, cookies, http, 0)).ToList();
    await StartAllAsync(warm);
    await Quiet(warm, TimeSpan.FromSeconds(2));
    await Task.WhenAll(warm.Select(v => v.CloseAsync()));
    await Task.Delay(2000);
    var before = await MemoryOf(http);
    var list = Enumerable.Range(0, viewers).Select(_ => new Viewer(b, cookies, http, 0)).ToList();
    var clock = Stopwatch.StartNew();
    await StartAllAsync(list);
    var started = clock.Elapsed;
    await Quiet(list, TimeSpan.FromSeconds(3));
    var during = await MemoryOf(http);
    Console.WriteLine($"# {path} as {account}: {viewers} circuits started in {started.TotalSeconds:F1} s, {list.Sum(v => v.Batches)} batches ({list.Sum(v => v.BatchBytes) / viewers / 1024.0:F1} KiB per viewer), {list.Sum(v => v.JsCalls) / (double)viewers:F1} JS calls per viewer, errors {list.Count(v => v.Error is not null)}");
    Console.WriteLine($"| {path} ({account}) | {viewers} | {Kib(before.HeapBytes)} → {Kib(during.HeapBytes)} | **{(during.HeapBytes - before.HeapBytes) / 1024.0 / viewers:F0} KiB** | {Mib(before.RssBytes)} → {Mib(during.RssBytes)} | {(during.RssBytes - before.RssBytes) / 1024.0 / viewers:F0} KiB | {before.Subscribers} → {during.Subscribers} |");
    if (serverPid is { } pid && options.TryGetValue("gcdump", out var dumps))
    {
        // What the circuits hold, by type: `dotnet-gcdump report <file>`.
        Directory.CreateDirectory(dumps);
        var file = Path.Combine(dumps, $"{path.Trim('/').Replace('/', '-') switch { "" => "dashboard", var p => p }}-{viewers}.gcdump");
        using var tool = Process.Start(Environment.GetEnvironmentVariable("GCDUMP_TOOL") ?? "dotnet-gcdump", ["collect", "-p", pid.ToString(), "-o", file])!;
        await tool.WaitForExitAsync();
        Console.WriteLine($"# heap dump: {file}");
    }
    // Tabs that vanish without a goodbye: the server keeps their circuits for a reconnect.
    await Task.WhenAll(list.Select(v => v.DisposeAsync().AsTask()));
    await Task.Delay(3000);
    var dropped = await MemoryOf(http);
    Console.WriteLine($"| {path} disconnected, retained | {viewers} | {Kib(dropped.HeapBytes)} | {(dropped.HeapBytes - before.HeapBytes) / 1024.0 / viewers:F0} KiB | {Mib(dropped.RssBytes)} | | {dropped.Subscribers} |");
    if (retentionWait > 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(retentionWait));
        var after = await MemoryOf(http);
        Console.WriteLine($"| {path} after {retentionWait} s | {viewers} | {Kib(after.HeapBytes)} | {(after.HeapBytes - before.HeapBytes) / 1024.0 / viewers:F0} KiB | {Mib(after.RssBytes)} | | {after.Subscribers} |");
    }
}

// User + system CPU time of a process so far, from /proc (clock ticks of 1/100 s).
static double CpuSeconds(int? pid)
{
    if (pid is null) return 0;
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
}

static string Kib(long bytes) => $"{bytes / 1024.0 / 1024:F1} MiB";
static string Mib(long bytes) => $"{bytes / 1024.0 / 1024:F0} MiB";

static async Task<Memory> MemoryOf(HttpClient http) =>
    (await http.GetFromJsonAsync<Memory>("/bench/memory?topic=risks", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;

// Starts circuits a few at a time (a room of people opening the page), each after its own page fetch.
async Task StartAllAsync(List<Viewer> viewers)
{
    using var gate = new SemaphoreSlim(8);
    await Task.WhenAll(viewers.Select(async v =>
    {
        await gate.WaitAsync();
        try { await v.StartAsync(path, CancellationToken.None); }
        finally { gate.Release(); }
    }));
}

// Waits until no viewer has had a render batch for `quiet` (presence updates as others join, etc.).
static async Task Quiet(IReadOnlyCollection<Viewer> viewers, TimeSpan quiet)
{
    var start = DateTime.UtcNow;
    var limit = start.AddMinutes(2);
    while (DateTime.UtcNow < limit)
    {
        var last = viewers.Max(v => v.LastBatch);
        if (last < start) last = start;
        if (DateTime.UtcNow - last > quiet) return;
        await Task.Delay(250);
    }
}

static double Percentile(List<double> values, double p)
{
    if (values.Count == 0) return double.NaN;
    var sorted = values.OrderBy(v => v).ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

record Memory(long HeapBytes, long HeapSizeAfterGc, long CommittedBytes, long RssBytes, bool ServerGc, int? Subscribers);
