using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

/// <summary>The chair overrides a roll-up with a reason; the overview and the overrides page show it.</summary>
public sealed class OverridesTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task Override_ChairOverridesPriorityWithReason_ShownAsOverridden()
    {
        var strategy = await App.WithDbAsync(db => db.Strategies.Where(s => s.Title == SampleStrategies.History).Select(s => s.Id).SingleAsync());
        var priority = await App.WithDbAsync(db => db.Priorities.Where(p => p.Number == 4 && p.StrategyId == strategy).Select(p => p.Id).SingleAsync());
        var q3 = new FinancialQuarter(2020, 3);
        var (scope, service) = await AsAsync<StrategyService>("chair");
        await using (scope)
        {
            var noReason = await service.OverrideRollUpAsync(RollUpLevel.Priority, priority, q3, new RagOverrideInput(RagStatus.Amber, null));
            Assert.Equal([("Reason", "Enter the reason for overriding the RAG status")], noReason.Errors.Select(e => (e.Field, e.Message)));
            Assert.True((await service.OverrideRollUpAsync(RollUpLevel.Priority, priority, q3, new RagOverrideInput(RagStatus.Amber, "Training has restarted online"))).Succeeded);
        }

        await SignInAsAsync("chair");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/actions?strategy={strategy}&year=2020&quarter=3");
        var page = Render<ActionsIndex>();
        page.WaitForAssertion(() => Assert.Equal("Amber (overridden)", page.Find($"#priority-{priority} [data-rag]").TextContent));
        Assert.Contains("Overridden from Red: Training has restarted online", page.Find($"#priority-{priority}").ParentElement!.TextContent);

        var overrides = Render<OverridesPage>();
        overrides.WaitForAssertion(() => Assert.Equal("Override a RAG status", overrides.Find("h1").TextContent));
        await overrides.FindAll("form")[0].SubmitAsync();
        overrides.WaitForAssertion(() => Assert.Equal(["Select an objective or priority"], overrides.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("#Target", overrides.Find("[data-error-summary] a").GetAttribute("href"));
    }
}
