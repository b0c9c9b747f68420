using Tracker.App.Hosting;

namespace Tracker.Tests.App.Hosting;

/// <summary>
/// The shared array pool's size, set in Main for a server with many tabs, unless the host has set it. The variable is
/// the process's, so each test puts it back as it found it (an app starting meanwhile in another test sets it
/// to the same value, and only when it is not set).
/// </summary>
public sealed class BufferPoolTests
{
    const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    static void With(string? value, Action test)
    {
        var was = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, value);
        try { test(); }
        finally { Environment.SetEnvironmentVariable(Variable, was); }
    }

    [Fact]
    public void NotSetByTheHost_SizedForAThousandTabs() =>
        With(null, () =>
        {
            BufferPool.SizeForManyTabs();
            Assert.Equal("1024", Environment.GetEnvironmentVariable(Variable));
        });

    [Fact]
    public void SetByTheHost_LeftAsTheHostSetIt() =>
        With("64", () =>
        {
            BufferPool.SizeForManyTabs();
            Assert.Equal("64", Environment.GetEnvironmentVariable(Variable));
        });
}
