using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>
/// A risk's open page hears every save to that risk and renders again only the sections the save changed: a new
/// title the summary, a new further action the actions' table. The history and the reviews come back from the
/// database as new lists with the same entries, and stay as they were drawn.
/// </summary>
public sealed class RiskDetailRenderTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<(IRenderedComponent<RiskDetailPage> Page, int Id)> OpenAsync(string reference)
    {
        await SignInAsAsync("member");
        var id = await App.RiskIdAsync(reference);
        var cut = Render<RiskDetailPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-history] tbody tr")));
        return (cut, id);
    }

    static (int Summary, int Actions, int History, int Reviews) Renders(IRenderedComponent<RiskDetailPage> cut) =>
        (cut.FindComponent<RiskDetailSummary>().RenderCount, cut.FindComponent<FurtherActionsTable>().RenderCount,
            cut.FindComponent<RiskAssessmentHistory>().RenderCount, cut.FindComponent<RiskReviewsList>().RenderCount);

    [Fact]
    public async Task TitleSaved_OnlyTheSummaryRendersAgain()
    {
        var (cut, id) = await OpenAsync("R4");
        var before = Renders(cut);

        var (scope, risks) = await AsAsync<RiskService>("admin");
        await using var _ = scope;
        var loaded = (await risks.GetForEditAsync(id))!;
        Assert.True((await risks.UpdateAsync(id, loaded.Version, loaded.Input with { Title = "Renamed on its own page" })).Succeeded);

        cut.WaitForAssertion(() => Assert.Contains("Renamed on its own page", cut.Find("h1").TextContent));
        Assert.Equal(before with { Summary = before.Summary + 1 }, Renders(cut));
    }

    [Fact]
    public async Task FurtherActionAdded_OnlyTheActionsTableRendersAgain()
    {
        var (cut, id) = await OpenAsync("R5");
        var before = Renders(cut);

        var (scope, risks) = await AsAsync<RiskService>("admin");
        await using var _ = scope;
        Assert.True((await risks.SaveActionAsync(id, null, 0, new FurtherActionInput("Walk the estate with the ward panel", "SBP", null, null))).Succeeded);

        cut.WaitForAssertion(() => Assert.Contains("Walk the estate with the ward panel", cut.Find("[data-further-actions]").TextContent));
        Assert.Equal(before with { Actions = before.Actions + 1 }, Renders(cut));
    }
}
