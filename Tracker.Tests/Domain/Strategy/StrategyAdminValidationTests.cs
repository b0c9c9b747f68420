using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.Domain.Strategy;

public sealed class StrategyAdminValidationTests
{
    [Fact]
    public void MetricValue_NegativeAndMissingCounts_GovUkMessages()
    {
        var errors = new MetricValueInputValidator().Check(new MetricValueInput(2020, 4, "Rolling Year Jan 21", null, -1));
        Assert.Equal(["Enter the rolling 12-month count", "Previous rolling year's count must be a whole number, 0 or more"],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void MetricValue_NoQuarter_SelectTheQuarter()
    {
        var errors = new MetricValueInputValidator().Check(new MetricValueInput(2020, null, "x", 1, 1));
        Assert.Equal([new FieldError("Quarter", "Select the quarter")], errors);
    }

    [Fact]
    public void Metric_NoDirectionAndRedBelowAmber_Errors()
    {
        var errors = new MetricInputValidator().Check(new MetricInput("ASB Calls", null, null, 10, 5));
        Assert.Equal(["Select whether a lower or a higher number is better", "Red threshold must be the same as or more than the Amber threshold"],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void SubPriority_NoNumberOrTitle_Errors()
    {
        var errors = new SubPriorityInputValidator().Check(new SubPriorityInput(null, " "));
        Assert.Equal(["Enter the sub-priority number", "Enter the sub-priority title"], errors.Select(e => e.Message));
    }

    [Fact]
    public void MetricValue_Update_ChangeAndSuggestionFollowTheThresholds()
    {
        var metric = new Metric { Name = "Hate Crime", AmberAbovePercent = 0, RedAbovePercent = 10 };
        var value = metric.AddValue(new FinancialQuarter(2020, 4), "", 0, 0);
        value.Update(new MetricValueInput(2020, 4, " Rolling Year Jan 21 ", 105, 100));
        Assert.Equal("Rolling Year Jan 21", value.PeriodLabel);
        Assert.Equal("+5% (100)", value.ChangeText);
        Assert.Equal(RagStatus.Amber, metric.Suggest(value.ChangePercent));
    }
}
