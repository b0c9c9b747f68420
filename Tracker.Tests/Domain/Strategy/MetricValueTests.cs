using Tracker.Domain.Strategy;

namespace Tracker.Tests.Domain.Strategy;

public sealed class MetricValueTests
{
    [Fact]
    public void ChangeText_KnifeCrime639Against1216_RoundedOnceAsTheQ4Report()
    {
        // 004's table: knife crime 639 against 1,216 is -47.45%, printed as -47% (not -47.5% then -48%).
        var value = new MetricValue { PeriodLabel = "Rolling Year Jan 24", Count = 639, PreviousCount = 1216 };
        Assert.Equal("-47% (1,216)", value.ChangeText);
    }
}
