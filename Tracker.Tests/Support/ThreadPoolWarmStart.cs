using System.Runtime.CompilerServices;

namespace Tracker.Tests.Support;

/// <summary>
/// The test process hosts dozens of app instances, and starting one blocks a thread for seconds
/// (WebApplicationFactory starts its host synchronously; a PostgreSQL test database is copied from its
/// template synchronously). On a 2-core machine the thread pool starts with two worker threads and adds
/// about two a second when they are all blocked, so a live update crossing several hops (relay, follower,
/// circuit, render) could queue behind such starts for longer than the 2 s the live tests allow: CI saw
/// a cross-instance change arrive late once. Start the pool with enough threads that nothing waits for
/// one. Production runs one app per process and does not block threads this way.
/// </summary>
static class ThreadPoolWarmStart
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
