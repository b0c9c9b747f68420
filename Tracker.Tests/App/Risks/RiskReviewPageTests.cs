using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The chair's review rendered with real services: leading, reassessing, recording, following the chair.</summary>
public sealed class RiskReviewPageTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();
    RiskReviewSession Session => App.Services.GetRequiredService<RiskReviewSession>();

    async Task<IRenderedComponent<RiskReviewPage>> OpenAsync(string account, string query)
    {
        await SignInAsAsync(account);
        Navigation.NavigateTo("/risks/review" + query);
        var cut = Render<RiskReviewPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("h1")));
        return cut;
    }

    [Fact]
    public async Task Open_Chair_FirstRiskLeadingWithFormAndHeatMapMarked()
    {
        var cut = await OpenAsync("chair", "");
        Assert.Equal("Risk 1 of 12", cut.Find("[data-position]").TextContent.Trim());
        Assert.Equal("R10", cut.Find("[data-review-risk]").GetAttribute("data-review-risk"));
        Assert.NotNull(cut.Find("[data-leading]"));
        Assert.NotNull(cut.Find("[data-review-form]"));
        Assert.NotNull(cut.Find("[data-heat-map=Net] .heat-map__this"));
        Assert.NotNull(cut.Find("a[data-review-next]"));
        Assert.Empty(cut.FindAll("a[data-review-prev]"));
        // The chair's screen is what followers see.
        Assert.Equal(await App.RiskIdAsync("R10"), Session.Showing!.RiskId);
    }

    [Fact]
    public async Task Open_Member_NoFormAndAFollowSwitch()
    {
        var cut = await OpenAsync("member", $"?risk={await App.RiskIdAsync("R1")}");
        Assert.Empty(cut.FindAll("[data-review-form]"));
        Assert.NotNull(cut.Find("[data-follow-chair]"));
        Assert.Contains("R1", cut.Find("[data-review-risk]").GetAttribute("data-review-risk"));
    }

    [Fact]
    public async Task Open_ClosedRiskInTheAddress_SaysSoAndShowsNoOtherRisk()
    {
        var cut = await OpenAsync("chair", $"?risk={await App.RiskIdAsync("R13")}");
        Assert.Equal("Risk R13 is closed", cut.Find("h1").TextContent);
        Assert.Contains("not part of the review", cut.Find("[data-review-problem]").TextContent);
        Assert.Empty(cut.FindAll("[data-review-risk], [data-review-form]"));
    }

    [Fact]
    public async Task Open_MissingRiskInTheAddress_SaysSo()
    {
        var cut = await OpenAsync("chair", "?risk=999999");
        Assert.Equal("Risk not found", cut.Find("h1").TextContent);
        Assert.Empty(cut.FindAll("[data-review-risk]"));
    }

    [Fact]
    public async Task Record_Chair_ReassessesRecordsAndMovesOn()
    {
        var id = await App.RiskIdAsync("R12");
        var cut = await OpenAsync("chair", $"?risk={id}");
        var position = cut.Find("[data-position]").TextContent.Trim();
        var next = cut.Find("a[data-review-next]").GetAttribute("href");

        await cut.ChooseAsync("NetLikelihood", (int?)2);
        // The preview and the heat map follow the choice before anything is saved.
        cut.WaitForAssertion(() => Assert.Contains("N", cut.Find("[data-matrix-preview] td[data-cell^='2-'][data-marks*=N]").GetAttribute("data-marks")));
        Assert.NotNull(Session.Showing!.Draft);
        cut.Find("#Note").Input("Agreed: the new partnership analyst lowers the likelihood");
        await cut.InvokeAsync(() => cut.Find("[data-record-review]").Click());

        cut.WaitForAssertion(() => Assert.EndsWith(next!, Navigation.Uri));
        var risk = await App.RiskAsync("R12");
        Assert.Equal(2, risk.NetLikelihood);
        Assert.Equal("Agreed: the new partnership analyst lowers the likelihood", risk.Assessments.OrderBy(a => a.Id).Last().Note);
        Assert.Contains(risk.Reviews, r => r.Note == "Agreed: the new partnership analyst lowers the likelihood" && r.ReviewedBy == "Councillor Kate Lymer");
        Assert.NotEqual("", position);
    }

    [Fact]
    public async Task Record_BlankNote_RefusedOnTheField()
    {
        var cut = await OpenAsync("chair", $"?risk={await App.RiskIdAsync("R1")}");
        await cut.InvokeAsync(() => cut.Find("[data-record-review]").Click());
        cut.WaitForAssertion(() => Assert.Equal(["Enter what the meeting said about the risk"], cut.Summary()));
        Assert.Equal("#Note", cut.Find("[data-error-summary] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Follow_ChairMoves_FollowersScreenMovesAndShowsTheDraft()
    {
        var r1 = await App.RiskIdAsync("R1");
        var r2 = await App.RiskIdAsync("R2");
        await Session.ShowAsync(r1, "R1", null, "Councillor Kate Lymer", "chair-user");
        var cut = await OpenAsync("member", $"?risk={r1}&follow=true");
        Assert.Contains("R1", cut.Find("[data-review-risk]").GetAttribute("data-review-risk"));

        await Session.ShowAsync(r2, "R2", null, "Councillor Kate Lymer", "chair-user");
        cut.WaitForAssertion(() => Assert.EndsWith($"/risks/review?risk={r2}&follow=true", Navigation.Uri));

        // The follower's page takes the new address and shows the chair's scores as they are tried.
        cut.WaitForAssertion(() => Assert.Contains("R2", cut.Find("[data-review-risk]").GetAttribute("data-review-risk")));
        await Session.DraftAsync(r2, new ReassessmentDraft(new RiskScore(4, 4), new RiskScore(2, 2), null));
        cut.WaitForAssertion(() => Assert.Contains("The chair is proposing", cut.Find("[data-chair-draft]").TextContent));
        Assert.NotNull(cut.Find("[data-heat-map=Net] td[data-cell='2-2'] .heat-map__this"));
    }
}
