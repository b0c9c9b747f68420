using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Meetings;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Papers;

public sealed class CoverSheetPagePapersTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<IRenderedComponent<CoverSheetEdit>> OpenAsync(int meetingId)
    {
        await SignInAsAsync("admin");
        var cut = Render<CoverSheetEdit>(p => p.Add(c => c.Id, meetingId).Add(c => c.Paper, "matters-arising"));
        cut.WaitForElement("#ReportNumber");
        return cut;
    }

    [Fact]
    public async Task CoverSheetPage_June2019MattersArising_FormHoldsTheSampleValues()
    {
        var cut = await OpenAsync(await App.MeetingIdAsync(2019, 6, 20));
        Assert.Equal("CSD19092", cut.Find("#ReportNumber").GetAttribute("value"));
        Assert.Equal("Public", cut.Find("#Classification").GetAttribute("value"));
        Assert.Equal("Mark Bowen, Director of Corporate Services", cut.Find("#ChiefOfficer").GetAttribute("value"));
    }

    [Fact]
    public async Task CoverSheetPage_ClerkSaves_MattersArisingPaperShowsIt()
    {
        var meeting = await App.MeetingIdAsync(2016, 12, 8);
        // The classification is chosen from a list; the rest is typed on the page.
        var (scope, sheets) = await AsAsync<CoverSheetService>("admin");
        await using (scope)
        {
            var edit = (await sheets.GetForEditAsync(meeting, "matters-arising"))!.Value;
            Assert.True((await sheets.SaveAsync(meeting, "matters-arising", edit.Version, edit.Input with { Classification = "OFFICIAL" })).Succeeded);
        }
        var cut = await OpenAsync(meeting);
        cut.Find("#ReportNumber").Input("CSD 16183");
        cut.Find("#Ward").Input("Cray Valley East");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.EndsWith($"/meetings/{meeting}", Services.GetService<NavigationManager>()!.Uri));

        var admin = await App.SignInAsync("admin");
        using var doc = PaperFiles.OpenWord(await admin.GetFileAsync($"/meetings/{meeting}/matters-arising.docx", PaperFiles.Docx));
        Assert.Contains("Report No.\nCSD16183", doc.Text());
        Assert.Contains("Ward: Cray Valley East", doc.Text());
        Assert.Contains("PART TWO - OFFICIAL", doc.Text());
        Assert.Contains("OFFICIAL", doc.HeaderText());
    }

    [Fact]
    public async Task CoverSheetPage_BadReportNumber_ErrorShownNothingSaved()
    {
        var cut = await OpenAsync(await App.MeetingIdAsync(2016, 9, 15));
        cut.Find("#ReportNumber").Input("12345");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("Report number must be letters then five digits, like CSD19092", cut.Find("[data-error-summary]").TextContent));
        Assert.Equal("#ReportNumber", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Equal("12345", cut.Find("#ReportNumber").GetAttribute("value"));
    }

    [Fact]
    public async Task CoverSheetPage_Member_AccessDenied()
    {
        var june = await App.MeetingIdAsync(2019, 6, 20);
        var member = await App.SignInAsync("member");
        var response = await member.GetAsync($"/meetings/{june}/cover-sheets/matters-arising");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
