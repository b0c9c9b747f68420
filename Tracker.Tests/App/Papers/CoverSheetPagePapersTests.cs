using System.Net;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Papers;

public sealed class CoverSheetPagePapersTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task CoverSheetPage_June2019MattersArising_FormHoldsTheSampleValues()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var admin = await app.SignInAsync("admin");
        var values = (await admin.GetPageAsync($"/meetings/{june}/cover-sheets/matters-arising")).FormNamed("cover-sheet").CurrentValues();

        Assert.Equal("CSD19092", values["Form.ReportNumber"]);
        Assert.Equal("Public", values["Form.Classification"]);
        Assert.Equal("Mark Bowen, Director of Corporate Services", values["Form.ChiefOfficer"]);
    }

    [Fact]
    public async Task CoverSheetPage_ClerkSaves_MattersArisingPaperShowsIt()
    {
        var meeting = await app.MeetingIdAsync(2016, 12, 8);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/meetings/{meeting}/cover-sheets/matters-arising", "cover-sheet", new()
        {
            ["Form.ReportNumber"] = "CSD 16183", ["Form.Ward"] = "Cray Valley East", ["Form.Classification"] = "OFFICIAL",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var doc = PaperFiles.OpenWord(await admin.GetFileAsync($"/meetings/{meeting}/matters-arising.docx", PaperFiles.Docx));
        Assert.Contains("Report No.\nCSD16183", doc.Text());
        Assert.Contains("Ward: Cray Valley East", doc.Text());
        Assert.Contains("PART TWO - OFFICIAL", doc.Text());
        Assert.Contains("OFFICIAL", doc.HeaderText());
    }

    [Fact]
    public async Task CoverSheetPage_BadReportNumber_ErrorShownNothingSaved()
    {
        var meeting = await app.MeetingIdAsync(2016, 9, 15);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/meetings/{meeting}/cover-sheets/matters-arising", "cover-sheet", new()
        {
            ["Form.ReportNumber"] = "12345",
        });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Report number must be letters then five digits, like CSD19092", page.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task CoverSheetPage_Member_AccessDenied()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync($"/meetings/{june}/cover-sheets/matters-arising");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
