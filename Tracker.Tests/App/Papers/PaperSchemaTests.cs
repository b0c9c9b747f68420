using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Papers;

/// <summary>Word and Excel open every paper without repairing it: each is valid against the Office schema.</summary>
public sealed class PaperSchemaTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Theory]
    [InlineData("/actions/report.docx?year=2020&quarter=4")]
    [InlineData("/risks/register.docx")]
    [InlineData("/meetings/forward-plan.docx")]
    [InlineData("/meetings/{june}/agenda.docx")]
    [InlineData("/meetings/{june}/matters-arising.docx")]
    [InlineData("/meetings/{march}/minutes.docx")]
    public async Task Docx_Generated_ValidAgainstTheSchema(string url)
    {
        var member = await app.SignInAsync("member");
        url = url.Replace("{june}", (await app.MeetingIdAsync(2019, 6, 20)).ToString())
            .Replace("{march}", (await app.MeetingIdAsync(2019, 3, 14)).ToString());
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync(url, PaperFiles.Docx));
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Theory]
    [InlineData("/risks/register.xlsx")]
    [InlineData("/actions/export.xlsx?year=2020&quarter=4")]
    public async Task Xlsx_Generated_ValidAgainstTheSchema(string url)
    {
        var member = await app.SignInAsync("member");
        using var book = PaperFiles.OpenExcel(await member.GetFileAsync(url, PaperFiles.Xlsx));
        var errors = new OpenXmlValidator().Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }
}
