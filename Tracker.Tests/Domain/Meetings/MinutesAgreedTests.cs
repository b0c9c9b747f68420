using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.Tests.Domain.Meetings;

/// <summary>Approval is a record: agreed as a correct record at a later meeting of the group, with corrections.</summary>
public sealed class MinutesAgreedTests
{
    static readonly Group Strategic = new() { Id = 1, Name = "Safer Bromley Partnership Strategic Group", ShortName = "Strategic Group", Kind = GroupKind.StrategicGroup };
    static readonly Group Prevent = new() { Id = 2, Name = "Prevent", ShortName = "Prevent", Kind = GroupKind.SubGroup };
    static Meeting At(Group g, int y, int m, int d) => Meeting.Schedule(g, new DateOnly(y, m, d), new TimeOnly(10, 0), "Bromley Civic Centre");

    [Fact]
    public void RecordMinutesAgreed_LaterMeetingOfTheGroup_RecordedWithMinuteAndCorrections()
    {
        var june = At(Strategic, 2016, 6, 27);
        var sept = At(Strategic, 2016, 9, 15);
        var when = new DateTimeOffset(2016, 9, 15, 12, 0, 0, TimeSpan.FromHours(1));

        Assert.Null(june.RecordMinutesAgreed(sept, "102", " Mr Terry Belcher to be added to those present. ", "Steve Wood", when));

        Assert.True(june.MinutesAgreed);
        Assert.Equal(MeetingStatus.MinutesApproved, june.Status);
        Assert.Same(sept, june.MinutesAgreedAtMeeting);
        Assert.Equal(("102", "Mr Terry Belcher to be added to those present.", "Steve Wood", when),
            (june.MinutesAgreedMinute, june.MinutesAgreedCorrections, june.MinutesAgreedRecordedBy, june.MinutesAgreedRecordedAt!.Value));
    }

    [Fact]
    public void RecordMinutesAgreed_EarlierOrSameDayMeeting_Refused()
    {
        var sept = At(Strategic, 2016, 9, 15);
        Assert.Equal("Select a later meeting of the same group", sept.RecordMinutesAgreed(At(Strategic, 2016, 6, 27), null, null, "x", DateTimeOffset.UtcNow));
        Assert.Equal("Select a later meeting of the same group", sept.RecordMinutesAgreed(At(Strategic, 2016, 9, 15), null, null, "x", DateTimeOffset.UtcNow));
        Assert.False(sept.MinutesAgreed);
    }

    [Fact]
    public void RecordMinutesAgreed_AnotherGroupsMeeting_Refused()
    {
        var sept = At(Strategic, 2016, 9, 15);
        Assert.Equal("Select a later meeting of the same group", sept.RecordMinutesAgreed(At(Prevent, 2016, 12, 8), null, null, "x", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void RecordMinutesAgreed_Twice_Refused()
    {
        var june = At(Strategic, 2016, 6, 27);
        Assert.Null(june.RecordMinutesAgreed(At(Strategic, 2016, 9, 15), null, null, "x", DateTimeOffset.UtcNow));
        Assert.Equal("These minutes have already been agreed as a correct record",
            june.RecordMinutesAgreed(At(Strategic, 2016, 12, 8), null, null, "x", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void TryAdvance_ToMinutesApproved_RefusedAsAStatusStep()
    {
        var meeting = At(Strategic, 2016, 9, 15);
        Assert.True(meeting.TryAdvance(MeetingStatus.Held, new DateOnly(2016, 9, 15)));
        Assert.False(meeting.TryAdvance(MeetingStatus.MinutesApproved, new DateOnly(2016, 9, 16)));
        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }

    [Fact]
    public void TryAdvance_PapersPublished_DatesTheAgendaUnlessGiven()
    {
        var dec = At(Strategic, 2016, 12, 8);
        Assert.True(dec.TryAdvance(MeetingStatus.PapersPublished, new DateOnly(2016, 11, 29)));
        Assert.Equal(new DateOnly(2016, 11, 29), dec.AgendaPublished);

        var march = At(Strategic, 2017, 3, 9);
        march.SetAgendaPublished(new DateOnly(2017, 2, 27));
        march.TryAdvance(MeetingStatus.PapersPublished, new DateOnly(2017, 3, 1));
        Assert.Equal(new DateOnly(2017, 2, 27), march.AgendaPublished);
    }

    [Fact]
    public void Correct_AfterAgreement_EachChangedFieldIsACorrectionWithReason()
    {
        var june = At(Strategic, 2016, 6, 27);
        var item = MinuteItem.Record(june, new MinuteNumber(85), "Matters Arising", "The Group noted the report.");
        var at = DateTimeOffset.UtcNow;
        Assert.Empty(item.Correct("Matters arising", "The Group noted the report.", null, "Steve Wood", at));

        june.RecordMinutesAgreed(At(Strategic, 2016, 9, 15), "102", null, "Steve Wood", at);
        var corrections = item.Correct("Matters arising", "The Group noted the Matters Arising report.", "Wording agreed at minute 102", "Steve Wood", at);

        var c = Assert.Single(corrections);
        Assert.Equal(("Minute", "The Group noted the report.", "The Group noted the Matters Arising report.", "Wording agreed at minute 102", "Steve Wood"),
            (c.Field, c.Before, c.After, c.Reason, c.CorrectedBy));
    }
}
