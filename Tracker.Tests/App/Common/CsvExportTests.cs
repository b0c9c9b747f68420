using Microsoft.EntityFrameworkCore;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Common;

/// <summary>Issue 9, CSV: every export is one kind of file (UTF-8 with a byte order mark) and defuses every formula-like cell.</summary>
public sealed class CsvExportTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData("/risks/export.csv")]
    [InlineData("/matters-arising/export.csv")]
    [InlineData("/actions/export.csv?year=2020&quarter=4")]
    public async Task Export_AnyCsv_Utf8WithByteOrderMark(string url)
    {
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(("text/csv", "utf-8"), (response.Content.Headers.ContentType!.MediaType, response.Content.Headers.ContentType.CharSet));
        Assert.Equal(Bom, bytes[..3]);
        Assert.NotEqual(Bom, bytes[3..6]);
    }

    [Fact]
    public async Task ExportMattersArising_MinuteTitleStartingWithMinus_Defused()
    {
        await app.WithDbAsync(async db =>
        {
            var matter = await db.MattersArising.OrderBy(m => m.Id).FirstAsync();
            matter.Title = "- list line";
            matter.Owners = "@AM";
            return await db.SaveChangesAsync();
        });
        var member = await app.SignInAsync("member");
        var text = await member.GetStringAsync("/matters-arising/export.csv");

        Assert.Contains(",'- list line,", text);
        Assert.Contains(",'@AM,", text);
    }

    [Fact]
    public async Task ExportRisks_GroupNameStartingWithEquals_Defused()
    {
        await app.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Id == db.Risks.Single(r => r.Reference == "R1").OwnerGroupId);
            group.Name = "=HYPERLINK(\"http://evil.example\")";
            return await db.SaveChangesAsync();
        });
        var member = await app.SignInAsync("member");
        var text = await member.GetStringAsync("/risks/export.csv");

        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",", text);
    }
}
