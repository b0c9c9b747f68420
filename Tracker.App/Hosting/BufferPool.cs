namespace Tracker.App.Hosting;

/// <summary>
/// The shared byte-array pool sized for a server with a thousand open tabs. Every message a tab sends
/// (a render acknowledged, a click) is read into a 4 KB buffer from <c>ArrayPool&lt;byte&gt;.Shared</c>, and
/// every render batch is written through one. The pool keeps only 32 arrays of a size per core, so when a
/// save reaches a thousand tabs at once most of those buffers were new and then garbage: a third of what a
/// save allocated, and the collections that held up the last tabs (bench/RESULTS.md, fan-out).
/// </summary>
/// <remarks>
/// The setting is the runtime's, for the shared pool of every element type (the renderer's frames too). What
/// the pools are given back they keep for reuse, so after a thousand tabs close the heap stays 70–120 MiB
/// higher until the runtime trims it.
/// </remarks>
public static class BufferPool
{
    const string ArraysPerCore = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>
    /// Sets the pool's size unless the host already has (an environment variable wins). The runtime reads it
    /// once, when the pool is first used, so this must run first thing in <c>Main</c>. The runtime still trims
    /// arrays left unused after full collections, so a quiet server keeps few.
    /// </summary>
    public static void SizeForManyTabs()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ArraysPerCore)))
            Environment.SetEnvironmentVariable(ArraysPerCore, "1024");
    }
}
