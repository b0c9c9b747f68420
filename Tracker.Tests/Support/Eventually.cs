namespace Tracker.Tests.Support;

/// <summary>Waiting for something another thread does (a delivery, a relayed change), failing when it does not come in time.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan within, int pollMilliseconds = 10)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"The condition was not met within {within.TotalSeconds:0.#} s");
            await Task.Delay(pollMilliseconds);
        }
    }
}
