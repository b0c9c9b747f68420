using Bunit;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Meetings;

namespace Tracker.Tests.App.Meetings;

public sealed class MattersReportTableTests
{
    static readonly DateOnly March = new(2019, 3, 14);

    static MatterSnapshot Matter(int id, string minute, string text, string? closedNote = null, params UpdateSnapshot[] updates) =>
        new(id, minute, "IOM Sub-Group Update", March, text, "SBP", closedNote is null ? MatterStatus.Open : MatterStatus.Closed,
            closedNote is null ? null : new DateOnly(2019, 6, 11), closedNote, updates);

    [Fact]
    public void Render_MinuteWithTwoMattersSharingAnUpdate_OneRowUpdatePrintedOnce()
    {
        using var context = new BunitContext();
        var update = new UpdateSnapshot("Still a work in progress.", "Steve Wood", new DateOnly(2019, 6, 11));
        var rows = MattersArisingReport.For(new DateOnly(2019, 6, 20), March,
            [Matter(1, "68a", "RESOLVED that the SBP review the IOM situation.", null, update), Matter(2, "68a", "RESOLVED that the SBP consider expanding the IOM Panel.", null, update)]);

        var table = context.Render<MattersReportTable>(p => p.Add(c => c.Rows, rows));

        var row = table.Find("tr[data-minute='68a']");
        Assert.Equal("Minute 68a IOM Sub-Group Update 14 March 2019", string.Join(' ', row.QuerySelectorAll("th span").Select(s => s.TextContent)));
        Assert.Equal(2, row.QuerySelectorAll("td:nth-child(2) a").Length);
        Assert.Single(row.QuerySelectorAll("[data-update]"));
        Assert.Empty(row.QuerySelectorAll("[data-closed]"));
        Assert.Equal(["Minute number / title and date", "Matters arising", "Update"], table.FindAll("thead th").Select(th => th.TextContent));
    }

    [Fact]
    public void Render_ClosedMatter_TagWithWordAndNote()
    {
        using var context = new BunitContext();
        var rows = MattersArisingReport.For(new DateOnly(2019, 6, 20), March, [Matter(1, "70", "RESOLVED that Mr Kelly send out details.", "Details disseminated.")]);

        var table = context.Render<MattersReportTable>(p => p.Add(c => c.Rows, rows).Add(c => c.LinkMatters, false));

        var closed = table.Find("[data-closed]");
        Assert.Equal("Closed", closed.QuerySelector(".status-chip")!.TextContent);
        Assert.Contains("on 11 June 2019", closed.TextContent);
        Assert.Contains("Details disseminated.", closed.TextContent);
        Assert.Empty(table.FindAll("a"));
        Assert.Contains("No update yet.", table.Find("tr[data-minute='70']").TextContent);
    }

    [Fact]
    public void Render_NoMatters_SaysSo()
    {
        using var context = new BunitContext();
        var table = context.Render<MattersReportTable>(p => p.Add(c => c.Rows, []));
        Assert.Equal("There are no matters arising from previous meetings.", table.Find("td").TextContent);
    }
}
