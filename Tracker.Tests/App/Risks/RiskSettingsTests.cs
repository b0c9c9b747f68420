using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The matrix, bands, appetite and category labels, as an administrator changes them.</summary>
public sealed class RiskSettingsTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<IRenderedComponent<RiskSettingsPage>> OpenAsync()
    {
        await SignInAsAsync("admin");
        var cut = Render<RiskSettingsPage>();
        cut.WaitForAssertion(() => Assert.Equal("Political", cut.Find("#LabelP").GetAttribute("value")));
        return cut;
    }

    [Fact]
    public async Task Save_AdministratorRenamesCategory_ShownInTheRiskForm()
    {
        var cut = await OpenAsync();
        cut.Find("#LabelC").Input("Customer and citizen");
        await cut.ChooseAsync("AppetiteC", RiskAppetite.Minimal);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.EndsWith("/risks", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri));
        var category = await App.WithDbAsync(db => db.RiskCategories.SingleAsync(c => c.Code == "C"));
        Assert.Equal(("Customer and citizen", RiskAppetite.Minimal), (category.Label, category.Appetite));
        var form = Render<RiskEditPage>();
        form.WaitForAssertion(() => Assert.Contains("C – Customer and citizen", form.Markup));
    }

    [Fact]
    public async Task Save_BadBands_RefusedOnTheField()
    {
        var cut = await OpenAsync();
        cut.Find("#MediumMax").Input("3");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["The highest Medium score must be higher than the highest Low score"], cut.Summary()));
        Assert.Equal("#MediumMax", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Equal(10, (await App.WithDbAsync(db => db.RiskSettings.SingleAsync())).MediumMax);
    }

    [Fact]
    public async Task Save_BlankLabel_RefusedOnThatCategory()
    {
        var cut = await OpenAsync();
        cut.Find("#LabelS").Input("");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Enter the label for category S"], cut.Summary()));
        Assert.Equal("#LabelS", cut.Find("[data-error-summary] a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("chair")]
    [InlineData("lead")]
    public async Task Get_NotAdministrator_AccessDenied(string account)
    {
        var client = await App.SignInAsync(account);
        var response = await client.GetAsync("/risks/settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
