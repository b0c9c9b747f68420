using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.Tests.Domain.Meetings;

public sealed class AgendaPlanTests
{
    static Meeting June2019()
    {
        var meeting = Meeting.Schedule(new Group { Id = 1, Name = "Strategic Group", ShortName = "Strategic Group" }, new DateOnly(2019, 6, 20), null, "Civic Centre");
        string[] titles =
        [
            "1 Apologies for absence", "2 Minutes of the previous meeting held on 14th March 2019", "3 Matters outstanding",
            "4 Questions received from Councillors or members of the public", "5 Chairman's update", "6 Police update",
            "7 Reports from sub-groups", "7a Domestic Abuse Sub Group update", "7b Gangs Sub Group update",
            "8 Knife Crime and Serious Violence Action Plan", "9 MOPAC update", "15 Any other business", "16 Date and time of next meeting",
        ];
        foreach (var t in titles) meeting.AddAgendaItem(t[..t.IndexOf(' ')], t[(t.IndexOf(' ') + 1)..]);
        meeting.AddAgendaItem("10", "Community Impact Days", "Peter Sibley", kind: AgendaItemKind.Presentation);
        return meeting;
    }

    static StandingItem Standing(int order, string title, string presenter = "") => StandingItem.For(1, order, new StandingItemInput(title, presenter));

    [Fact]
    public void For_PreviousAgendaAndStandingItems_OpeningCarriedStandingSubGroupsClosingNumbered()
    {
        var plan = AgendaPlan.For(new DateOnly(2019, 6, 20), June2019().Agenda,
            [Standing(1, "MOPAC Update", "Rob Vale"), Standing(2, "Update from London Ambulance Service", "Bill Kelly")],
            [new ReportingSubGroup("Domestic Abuse and VAWG", "Rachel Dunley"), new ReportingSubGroup("Prevent", "")]);

        Assert.Equal(
        [
            "1 Apologies for absence", "2 Minutes of the previous meeting held on 20 June 2019", "3 Matters outstanding",
            "4 Questions received from Councillors or members of the public", "5 Chairman's update", "6 Police update",
            "7 Knife Crime and Serious Violence Action Plan", "8 MOPAC update", "9 Update from London Ambulance Service",
            "10 Reports from sub-groups", "10a Domestic Abuse and VAWG sub-group update", "10b Prevent sub-group update",
            "11 Any other business", "12 Date and time of next meeting",
        ], plan.Select(i => $"{i.Number} {i.Title}"));
        // A carried item takes the standing item's presenter if it had none; the previous minutes and the matters report are linked.
        Assert.Equal("Rob Vale", plan.Single(i => i.Title == "MOPAC update").Presenter);
        Assert.Equal("Rachel Dunley", plan.Single(i => i.Number == "10a").Presenter);
        Assert.Equal(AgendaPlan.PreviousMinutesLink, plan[1].PaperLink);
        Assert.Equal(AgendaPlan.MattersLink, plan[2].PaperLink);
        // The previous meeting's one-off presentation is not carried.
        Assert.DoesNotContain(plan, i => i.Title == "Community Impact Days");
    }

    [Fact]
    public void For_FirstMeetingOfAGroup_StandingItemsOnly()
    {
        var plan = AgendaPlan.For(null, [], [Standing(1, "Action plan review", "Peter Sibley")], []);

        Assert.Equal(["1 Apologies for absence", "2 Minutes of the previous meeting", "3 Matters outstanding",
            "4 Questions received from Councillors or members of the public", "5 Action plan review", "6 Any other business", "7 Date and time of next meeting"],
            plan.Select(i => $"{i.Number} {i.Title}"));
        Assert.Equal("", plan[1].PaperLink);
    }

    [Theory]
    [InlineData("1,2,7a,7b,3", "1,2,2a,2b,3")]
    [InlineData("7a,1,2", "1,2,3")]
    [InlineData("1,Annex,3", "1,Annex,2")]
    [InlineData(",,", "1,2,3")]
    public void Numbers_InOrder_MainItemsCountedSubItemsLettered(string current, string expected)
    {
        Assert.Equal(expected.Split(','), AgendaPlan.Numbers(current.Split(',')));
    }

    [Fact]
    public void MoveAgendaItemTo_DraggedDown_RenumberedWithSubItems()
    {
        var meeting = June2019();
        var knife = meeting.Agenda.Single(a => a.Title.StartsWith("Knife"));

        Assert.True(meeting.MoveAgendaItemTo(knife, 4));
        Assert.False(meeting.MoveAgendaItemTo(knife, 4));

        var ordered = meeting.Agenda.OrderBy(a => a.Order).Select(a => $"{a.Number} {a.Title}").ToList();
        Assert.Equal("5 Knife Crime and Serious Violence Action Plan", ordered[4]);
        Assert.Equal("8 Reports from sub-groups", ordered[7]);
        Assert.Equal("8b Gangs Sub Group update", ordered[9]);
        Assert.Equal("10 Any other business", ordered[11]);
    }

    [Fact]
    public void InsertAgendaItem_AgendaWithClosingItems_GoesBeforeAnyOtherBusiness()
    {
        var meeting = June2019();
        var added = meeting.InsertAgendaItem("Resilience update", "David Tait", null, AgendaItemKind.Business);

        var ordered = meeting.Agenda.OrderBy(a => a.Order).ToList();
        Assert.Equal("Resilience update", ordered[^4].Title);
        Assert.Equal("10", added.Number);
        Assert.Equal(["11 Any other business", "12 Date and time of next meeting"], ordered.Where(a => AgendaPlan.IsClosing(a.Title)).Select(a => $"{a.Number} {a.Title}"));
    }
}
