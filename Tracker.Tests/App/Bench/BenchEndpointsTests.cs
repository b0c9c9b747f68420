using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Bench;

/// <summary>The app started for the circuit benchmarks (Bench:Endpoints=true), as bench/circuits.sh does.</summary>
public sealed class BenchAppFactory : TrackerAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bench:Endpoints", "true");
    }
}

/// <summary>
/// The bench-only endpoints (Hosting/BenchEndpoints.cs): a save through the risk service that says
/// when it was committed, and the memory after a forced collection; absent unless configured.
/// </summary>
public sealed class BenchEndpointsTests(BenchAppFactory bench) : IClassFixture<BenchAppFactory>
{
    [Fact]
    public async Task Save_ChangesTheTitleThroughTheService_AndReportsItsCommit()
    {
        var admin = await bench.SignInAsync("admin");
        var response = await admin.PostAsync("/bench/risks/1/title?text=Bench%20risk%20%5Bbench%2000001%5D", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var save = await response.Content.ReadFromJsonAsync<SaveTimes>();
        Assert.NotNull(save!.Committed);
        Assert.InRange(save.Committed!.Value, save.Sent, save.Returned);
        Assert.Equal("Bench risk [bench 00001]", await bench.WithDbAsync(db => db.Risks.Where(r => r.Id == 1).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task Save_AsAMember_IsRefusedByTheService()
    {
        var member = await bench.SignInAsync("member");
        var response = await member.PostAsync("/bench/risks/1/title?text=Not%20mine", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Memory_ReportsTheHeapAndResidentMemory()
    {
        var member = await bench.SignInAsync("member");
        var memory = await member.GetFromJsonAsync<MemoryFigures>("/bench/memory?topic=risks");
        Assert.True(memory!.HeapBytes > 0 && memory.RssBytes > memory.HeapBytes);
        Assert.True(memory.Subscribers >= 1); // the endpoint's own follower of "risks"
    }

    [Fact]
    public async Task Gc_CountsWhatTheAppAllocatedAndCompiledWithoutCollecting()
    {
        var admin = await bench.SignInAsync("admin");
        var before = await admin.GetFromJsonAsync<GcFigures>("/bench/gc");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/bench/risks/1/title?text=Bench%20risk%20%5Bbench%2000002%5D", null)).StatusCode);
        var after = await admin.GetFromJsonAsync<GcFigures>("/bench/gc");
        Assert.True(after!.AllocatedBytes > before!.AllocatedBytes);
        Assert.True(after.JitMethods >= before.JitMethods && after.JitMethods > 0);
        Assert.True(after.Gen0 >= before.Gen0 && after.PauseMs >= before.PauseMs);
    }

    sealed record GcFigures(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseMs, int JitMethods, double JitMs);
    sealed record SaveTimes(int Version, double Sent, double? Committed, double Returned);
    sealed record MemoryFigures(long HeapBytes, long RssBytes, int? Subscribers);
}

/// <summary>Without Bench:Endpoints the endpoints do not exist.</summary>
public sealed class BenchEndpointsAbsentTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task WithoutTheSetting_TheEndpointsAreNotMapped()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/bench/risks/1/title?text=x", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/bench/memory")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/bench/gc")).StatusCode);
    }
}
