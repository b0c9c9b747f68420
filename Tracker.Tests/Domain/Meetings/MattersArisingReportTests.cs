using Tracker.Domain.Meetings;

namespace Tracker.Tests.Domain.Meetings;

public sealed class MattersArisingReportTests
{
    static readonly DateOnly March = new(2019, 3, 14), June = new(2019, 6, 20), September = new(2019, 9, 12), November2018 = new(2018, 11, 29);

    static MatterSnapshot Matter(int id, string minute, DateOnly raised, DateOnly? closedOn = null, params UpdateSnapshot[] updates) =>
        new(id, minute, $"Title {minute}", raised, $"RESOLVED {minute}", "AM", closedOn is null ? MatterStatus.Open : MatterStatus.Closed,
            closedOn, closedOn is null ? null : "done", updates);

    [Fact]
    public void For_OpenFromEarlierMeetings_CarriedForward()
    {
        var rows = MattersArisingReport.For(September, June, [Matter(1, "64", March), Matter(2, "40", November2018)]);
        Assert.Equal(["40", "64"], rows.Select(r => r.MinuteNumber));
        Assert.All(rows.SelectMany(r => r.Lines), l => Assert.False(l.Closed));
    }

    [Fact]
    public void For_ClosedSinceThePreviousMeeting_ShownOnceMarkedClosed()
    {
        var matter = Matter(1, "70", March, closedOn: new DateOnly(2019, 6, 11));
        var june = MattersArisingReport.For(June, March, [matter]);
        Assert.True(Assert.Single(Assert.Single(june).Lines).Closed);
        Assert.Empty(MattersArisingReport.For(September, June, [matter]));
    }

    [Fact]
    public void For_RaisedAtThisMeetingOrLater_NotIncluded()
    {
        Assert.Empty(MattersArisingReport.For(June, March, [Matter(1, "76", June), Matter(2, "90", September)]));
    }

    [Fact]
    public void For_EarlierMeetingsReport_ReadsAsItStoodThen()
    {
        var matter = Matter(1, "64", March, new DateOnly(2019, 8, 1),
            new UpdateSnapshot("June update", "SW", new DateOnly(2019, 6, 11)), new UpdateSnapshot("August update", "SW", new DateOnly(2019, 8, 1)));
        var line = Assert.Single(Assert.Single(MattersArisingReport.For(June, March, [matter])).Lines);
        Assert.False(line.Closed);
        Assert.Equal("June update", line.LatestUpdate!.Text);
        var september = Assert.Single(Assert.Single(MattersArisingReport.For(September, June, [matter])).Lines);
        Assert.True(september.Closed);
        Assert.Equal("August update", september.LatestUpdate!.Text);
    }

    [Fact]
    public void For_TwoResolutionsOfOneMinute_OneRow()
    {
        var rows = MattersArisingReport.For(June, March, [Matter(1, "65", March), Matter(2, "65", March), Matter(3, "68a", March)]);
        Assert.Equal([2, 1], rows.Select(r => r.Lines.Count));
    }

    [Fact]
    public void For_AsAtThePapersDeadline_LaterUpdatesAndClosuresLeftOut()
    {
        var deadline = new DateOnly(2019, 6, 13);
        var matter = Matter(1, "74", March, closedOn: new DateOnly(2019, 6, 17),
            new UpdateSnapshot("Contact was made.", "Steve Wood", new DateOnly(2019, 6, 11)),
            new UpdateSnapshot("Closed: the MoJ will refurbish.", "Steve Wood", new DateOnly(2019, 6, 17)));

        var line = Assert.Single(Assert.Single(MattersArisingReport.For(June, March, [matter], asAt: deadline)).Lines);

        Assert.False(line.Closed);
        Assert.Equal("Contact was made.", line.LatestUpdate!.Text);
        // Without the deadline the report reads as at the meeting.
        Assert.True(Assert.Single(Assert.Single(MattersArisingReport.For(June, March, [matter])).Lines).Closed);
    }
}
