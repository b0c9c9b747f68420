using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tracker.Tests.Support;

/// <summary>The app with a clock the test moves on by hand (starting at the real time).</summary>
public sealed class ClockAppFactory : TrackerAppFactory
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public sealed class SettableClock : TimeProvider
    {
        DateTimeOffset _now = System.GetUtcNow();
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
