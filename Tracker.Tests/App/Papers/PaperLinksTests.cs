using System.Net;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Papers;

/// <summary>Every page a paper comes from links to its Word, Excel and PDF forms, and each link serves the file.</summary>
public sealed class PaperLinksTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    static IReadOnlyList<string> Links(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-paper-links] a, a[href*='.docx'], a[href*='.xlsx']").Select(a => a.GetAttribute("href")!).Distinct().ToList();

    [Fact]
    public async Task MeetingPage_June2019_LinksEveryPaperAndThePack()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        var links = Links(await member.GetPageAsync($"/meetings/{june}"));

        Assert.Equal([$"/meetings/{june}/agenda.docx", $"/meetings/{june}/minutes.docx", $"/meetings/{june}/matters-arising.docx",
            $"/meetings/{june}/pack.zip", $"/meetings/{june}/pack.pdf"], links);
        foreach (var link in links.Where(l => !l.EndsWith(".pdf")))
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(link)).StatusCode);
    }

    [Theory]
    [InlineData("/actions/report?year=2020&quarter=4", ".docx")]
    [InlineData("/actions/report?year=2020&quarter=4", ".xlsx")]
    [InlineData("/risks", "/risks/register.docx")]
    [InlineData("/risks", "/risks/register.xlsx")]
    [InlineData("/meetings/forward-plan", "/meetings/forward-plan.docx")]
    public async Task Page_LinksItsPaper_AndTheLinkServesIt(string page, string linkEnding)
    {
        var member = await app.SignInAsync("member");
        var link = Assert.Single(Links(await member.GetPageAsync(page)), l => l.Split('?')[0].EndsWith(linkEnding));
        var response = await member.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(linkEnding.EndsWith(".docx") ? "wordprocessingml" : "spreadsheetml", response.Content.Headers.ContentType!.MediaType);
    }
}
