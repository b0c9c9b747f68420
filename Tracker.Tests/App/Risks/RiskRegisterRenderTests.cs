using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>
/// An open register hears every save; it renders again only what the save changed: the saved risk's row, and
/// the heat map only when a count moved. The filters, the heat map and the other rows stay as they were drawn.
/// </summary>
public sealed class RiskRegisterRenderTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<IRenderedComponent<RiskRegisterPage>> OpenRegisterAsync()
    {
        await SignInAsAsync("member");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/risks?sort=reference");
        var cut = Render<RiskRegisterPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-risk-table] tbody tr")));
        return cut;
    }

    Dictionary<string, int> RowRenders(IRenderedComponent<RiskRegisterPage> cut) =>
        cut.FindComponents<RiskTableRow>().ToDictionary(r => r.Instance.Row.Reference, r => r.RenderCount);

    async Task SaveAsync(string reference, Func<Tracker.Domain.Risks.RiskInput, Tracker.Domain.Risks.RiskInput> change)
    {
        var (scope, risks) = await AsAsync<RiskService>("admin");
        await using var _ = scope;
        var id = await App.RiskIdAsync(reference);
        var loaded = (await risks.GetForEditAsync(id))!;
        Assert.True((await risks.UpdateAsync(id, loaded.Version, change(loaded.Input))).Succeeded);
    }

    [Fact]
    public async Task TitleSaved_OnlyThatRowRendersAgain_FiltersAndHeatMapAsTheyWere()
    {
        var cut = await OpenRegisterAsync();
        var rows = RowRenders(cut);
        var filters = cut.FindComponent<RiskFilters>();
        var heatMap = cut.FindComponent<RiskHeatMap>();
        var (head, actions) = (cut.FindComponent<RiskTableHead>(), cut.FindComponent<RiskRegisterActions>());
        var (filterRenders, heatMapRenders) = (filters.RenderCount, heatMap.RenderCount);
        var (headRenders, actionRenders) = (head.RenderCount, actions.RenderCount);

        await SaveAsync("R3", input => input with { Title = "Shown again on its own" });

        cut.WaitForAssertion(() => Assert.Contains("Shown again on its own", cut.Find("tr[data-risk=R3]").TextContent));
        var after = RowRenders(cut);
        Assert.Equal(rows["R3"] + 1, after["R3"]);
        Assert.All(after.Where(r => r.Key != "R3"), r => Assert.Equal(rows[r.Key], r.Value));
        Assert.Equal(filterRenders, filters.RenderCount);
        Assert.Equal(heatMapRenders, heatMap.RenderCount);
        Assert.Equal(headRenders, head.RenderCount);
        Assert.Equal(actionRenders, actions.RenderCount);

        // The filters' own controls still work after renders were skipped.
        cut.Find("[data-filters-toggle]").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-filters-toggle]").GetAttribute("aria-expanded")));
    }

    [Fact]
    public async Task NetScoreSaved_TheRowAndTheHeatMapRenderAgain()
    {
        var cut = await OpenRegisterAsync();
        var heatMap = cut.FindComponent<RiskHeatMap>();
        var heatMapRenders = heatMap.RenderCount;
        var before = int.Parse(cut.Find("[data-heat-map] td[data-cell='1-1']").GetAttribute("data-count")!);

        await SaveAsync("R2", input => input with { NetLikelihood = 1, NetSeverity = 1, TargetLikelihood = 1, TargetSeverity = 1 });

        cut.WaitForAssertion(() => Assert.Equal((before + 1).ToString(), cut.Find("[data-heat-map] td[data-cell='1-1']").GetAttribute("data-count")));
        Assert.Equal(heatMapRenders + 1, heatMap.RenderCount);
        Assert.Contains("1 Low", cut.Find("tr[data-risk=R2]").TextContent);
    }

    [Fact]
    public async Task RiskClosed_TheCaptionCountsOneFewer_HeadingsStillSort()
    {
        var cut = await OpenRegisterAsync();
        var head = cut.FindComponent<RiskTableHead>();
        var (headRenders, shown) = (head.RenderCount, cut.FindAll("[data-risk-table] tbody tr").Count);
        Assert.StartsWith($"{shown} risks", cut.Find("[data-risk-table] caption").TextContent.Trim());

        await SaveAsync("R3", input => input with { Status = Tracker.Domain.Risks.RiskStatus.Closed, ClosingNote = "Merged into R2" });

        cut.WaitForAssertion(() => Assert.StartsWith($"{shown - 1} risks", cut.Find("[data-risk-table] caption").TextContent.Trim()));
        Assert.Equal(headRenders + 1, head.RenderCount);
        Assert.Contains("Sorted by reference", cut.Find("[data-risk-table] caption").TextContent);
        Assert.Equal("ascending", cut.Find("th[aria-sort]").GetAttribute("aria-sort"));
        Assert.Equal("/risks?sort=gross", cut.FindAll("a.sort-link").Single(a => a.TextContent.StartsWith("Gross")).GetAttribute("href"));
    }
}
