using System.Collections.Concurrent;
using Tracker.App.Features.Risks;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

/// <summary>
/// Endpoints for the circuit benchmarks (bench/circuits.sh, bench/relay.sh), mapped only when
/// <c>Bench:Endpoints</c> is true: never in a deployed app. A writer saves a risk's title through
/// the app's own service (so the change reaches the change feed, the relay and every circuit as a
/// person's save would) and learns when it was committed; the memory endpoint forces a full
/// collection and reports the managed heap and the process's resident memory.
/// </summary>
public static class BenchEndpoints
{
    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Endpoints")) return;

        // Subscribed before any circuit, so it is the first handler the feed calls after a commit:
        // the time it records is the commit's, as close as the app can see it.
        var feed = app.Services.GetRequiredService<ChangeFeed>();
        var committed = new ConcurrentDictionary<string, DateTime>();
        feed.Subscribe("risks", change => committed[change.Key] = DateTime.UtcNow);

        // POST /bench/risks/12/title?text=... as a user who may edit the risk (the administrator).
        app.MapPost("/bench/risks/{id:int}/title", async (int id, string text, RiskService risks, CancellationToken ct) =>
        {
            var sent = DateTime.UtcNow;
            committed.TryRemove(id.ToString(), out _);
            var loaded = await risks.GetForEditAsync(id, ct);
            if (loaded is null) return Results.NotFound();
            var result = await risks.UpdateAsync(id, loaded.Version, loaded.Input with { Title = text }, ct);
            var returned = DateTime.UtcNow;
            if (!result.Succeeded) return Results.Conflict(result.ToString());
            // Saves are made one after another, so the last commit of this risk is this save's.
            committed.TryRemove(id.ToString(), out var at);
            return Results.Ok(new
            {
                version = result.Version,
                sent = UnixMs(sent),
                committed = at == default ? (double?)null : UnixMs(at),
                returned = UnixMs(returned),
            });
        }).DisableAntiforgery();

        // GET /bench/gc: what the app has allocated, collected and compiled so far, without collecting (read before and after the saves).
        app.MapGet("/bench/gc", () => Results.Ok(new
        {
            allocatedBytes = GC.GetTotalAllocatedBytes(precise: false),
            gen0 = GC.CollectionCount(0),
            gen1 = GC.CollectionCount(1),
            gen2 = GC.CollectionCount(2),
            pauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
            jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(),
            jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
        }));

        // GET /bench/memory?topic=risks: managed heap after a forced, compacting collection, resident memory, followers of a topic.
        app.MapGet("/bench/memory", (string? topic) =>
        {
            for (var i = 0; i < 2; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            var status = File.ReadAllLines("/proc/self/status");
            long Kb(string name) => long.Parse(status.First(l => l.StartsWith(name + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            return Results.Ok(new
            {
                heapBytes = GC.GetTotalMemory(forceFullCollection: false),
                heapSizeAfterGc = info.HeapSizeBytes,
                committedBytes = info.TotalCommittedBytes,
                rssBytes = Kb("VmRSS") * 1024,
                serverGc = System.Runtime.GCSettings.IsServerGC,
                subscribers = topic is null ? (int?)null : feed.SubscriberCount(topic),
            });
        });
    }

    static double UnixMs(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / 10_000.0;
}
