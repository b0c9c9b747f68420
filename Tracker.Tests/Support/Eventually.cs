namespace Tracker.Tests.Support;

/// <summary>Waiting for something another thread does (a delivery, a relayed change), failing when it does not come in time.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan within, int pollMilliseconds = 10)
    {
        if (!await WithinAsync(within, () => Task.FromResult(condition()), pollMilliseconds))
            Assert.Fail($"The condition was not met within {within.TotalSeconds:0.#} s");
    }

    /// <summary>Whether <paramref name="condition"/> became true within the time, without failing (for a failure's explanation).</summary>
    public static async Task<bool> WithinAsync(TimeSpan within, Func<Task<bool>> condition, int pollMilliseconds = 100)
    {
        var until = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(pollMilliseconds);
        }
        return true;
    }
}
