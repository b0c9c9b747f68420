using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracker.App.Common;
using Tracker.App.Components.Layout;
using Tracker.App.Live;
using Tracker.Tests.Support;

// A renderer of the test's own, to see render batches as Blazor Server sends them: the framework's renderer
// types are marked as internal to Blazor (BL0006), and may change with it; this test would then need updating.
#pragma warning disable BL0006

namespace Tracker.Tests.App.Live;

/// <summary>
/// Someone else's save reaches an open page as one render batch: the page showing the change and the polite
/// live region saying it, together (a batch each was half of what a save cost 1,000 open tabs). Rendered by a
/// renderer of our own that records each batch, as Blazor Server would send it.
/// </summary>
public sealed class LiveAnnouncementBatchTests : IAsyncDisposable
{
    /// <summary>Records which components each render batch updated.</summary>
    sealed class BatchRecorder(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
    {
        public readonly List<int> Batches = [];
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();
        protected override RendererInfo RendererInfo { get; } = new("Server", isInteractive: true);
        protected override void HandleException(Exception exception) => throw exception;

        protected override Task UpdateDisplayAsync(in RenderBatch batch)
        {
            lock (Batches) Batches.Add(batch.UpdatedComponents.Count);
            return Task.CompletedTask;
        }

        public Task RenderAsync(IComponent component) =>
            Dispatcher.InvokeAsync(() => RenderRootComponentAsync(AssignRootComponentId(component)));
    }

    /// <summary>A live component showing how many changes it has heard of.</summary>
    sealed class Heard : LiveComponent
    {
        int _count;
        protected override void OnInitialized() => Follow(changes => { _count += changes.Count; return Task.CompletedTask; }, "risks");
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"{_count} changes");
    }

    /// <summary>A page in its layout: the live region (unless left out) and the live component.</summary>
    sealed class Page(bool withLiveRegion = true) : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (withLiveRegion)
            {
                builder.OpenComponent<LiveAnnouncements>(0);
                builder.CloseComponent();
            }
            builder.OpenComponent<Heard>(1);
            builder.CloseComponent();
        }
    }

    readonly ServiceProvider _services;
    readonly ChangeFeed _feed = new(NullLogger<ChangeFeed>.Instance);

    public LiveAnnouncementBatchTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_feed);
        services.AddLogging();
        services.AddSingleton<LiveAnnouncer>();
        services.AddSingleton<CircuitEvents>();
        services.AddSingleton<ICurrentUser>(new CurrentUser(new HttpContextAccessor()));
        services.AddSingleton<LiveUpdates>();
        _services = services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    static ChangeEvent Saved(int version) =>
        new("risks", "3", "updated", "Risk R3", version, "Councillor Kate Lymer", DateTimeOffset.Parse("2026-11-30T10:42:00Z"), "someone-else");

    [Fact]
    public async Task OthersSave_PageAndLiveRegionInOneRenderBatch()
    {
        await using var renderer = new BatchRecorder(_services);
        await renderer.RenderAsync(new Page());
        var before = renderer.Batches.Count;

        await _feed.PublishAsync([Saved(2)]);
        await Eventually.TrueAsync(() => { lock (renderer.Batches) return renderer.Batches.Count > before; }, TimeSpan.FromSeconds(5));
        await Task.Delay(LiveUpdates.CoalesceWindow * 4); // a second batch, if there were one, would have come by now

        var announcer = _services.GetRequiredService<LiveAnnouncer>();
        Assert.Equal("Risk R3 updated by Councillor Kate Lymer at 10:42", announcer.Message);
        lock (renderer.Batches)
            Assert.Equal([2], renderer.Batches.Skip(before)); // one batch: the live region and the component
    }

    [Fact]
    public async Task NoLiveRegionOnThePage_ComponentRendersAndTheNewsIsStillTold()
    {
        await using var renderer = new BatchRecorder(_services);
        var announcer = _services.GetRequiredService<LiveAnnouncer>();
        var told = 0;
        announcer.Changed += () => Interlocked.Increment(ref told);
        await renderer.RenderAsync(new Page(withLiveRegion: false));
        var before = renderer.Batches.Count;

        await _feed.PublishAsync([Saved(2)]);
        await Eventually.TrueAsync(() => Volatile.Read(ref told) == 1, TimeSpan.FromSeconds(5));
        lock (renderer.Batches) Assert.Equal([1], renderer.Batches.Skip(before));
    }
}
