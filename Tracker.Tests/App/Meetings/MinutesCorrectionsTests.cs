using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Meetings;

/// <summary>
/// Correcting, reordering and removing minutes while a draft, the record of their agreement, and
/// corrections with a reason afterwards; the minutes page follows each change live.
/// </summary>
public sealed class MinutesCorrectionsTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    static int _series = 5000;

    /// <summary>
    /// A meeting of its own, in a numbering series of its own, with items numbered as given; the last
    /// top-level item has a resolution that raised a matter arising.
    /// </summary>
    async Task<(int MeetingId, Dictionary<string, int> Items)> DraftAsync(int daysAhead, params string[] numbers)
    {
        var series = Interlocked.Increment(ref _series);
        var meetingId = await App.NewMeetingAsync(daysAhead, m => m.MinuteSeries = series);
        var items = await App.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            var made = numbers.Select(n => MinuteItem.Record(meeting, MinuteNumber.Parse(n), $"Item {n}", $"Text of {n}")).ToList();
            db.MinuteItems.AddRange(made);
            var last = made.Last(i => !i.MinuteNumber.IsSubItem);
            var raised = last.Resolve("RESOLVED that AM brings the action plan.", ActionOwners.Parse("AM", await db.People.Select(p => new KnownPerson(p.Id, p.Initials, p.Name)).ToListAsync()), true).Matter;
            db.MattersArising.Add(raised!);
            await db.SaveChangesAsync();
            return made.ToDictionary(i => i.MinuteNumber.ToString(), i => i.Id);
        });
        return (meetingId, items);
    }

    Task<List<string>> NumbersAsync(int meetingId) => App.WithDbAsync(async db =>
        (await db.MinuteItems.Where(i => i.MeetingId == meetingId).ToListAsync()).OrderBy(i => i.MinuteNumber).Select(i => $"{i.MinuteNumber}:{i.Title}").ToList());

    async Task<T> AsClerkAsync<T>(Func<MinuteCorrectionsService, Task<T>> work)
    {
        var (scope, service) = await AsAsync<MinuteCorrectionsService>("admin");
        await using (scope) return await work(service);
    }

    async Task AgreeAsync(int meetingId)
    {
        var later = await App.NewMeetingAsync(400);
        var version = await App.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());
        Assert.True((await AsClerkAsync(s => s.RecordAgreedAsync(meetingId, version, new MinutesAgreedInput(later, "3", null)))).Succeeded);
    }

    [Fact]
    public async Task MoveItemAsync_DraftItemWithSubItemsUp_NumbersSwapAndTheMatterFollows()
    {
        var (meetingId, items) = await DraftAsync(300, "1", "2", "2a", "3");

        var result = await AsClerkAsync(s => s.MoveItemAsync(items["3"], -1));

        Assert.True(result.Succeeded);
        Assert.Equal(["1:Item 1", "2:Item 3", "3:Item 2", "3a:Item 2a"], await NumbersAsync(meetingId));
        var matter = await App.WithDbAsync(db => db.MattersArising.SingleAsync(m => m.Resolution!.MinuteItemId == items["3"]));
        Assert.Equal("2", matter.MinuteNumber);
    }

    [Fact]
    public async Task RemoveItemAsync_Draft_LaterItemsCloseUpAndItsMatterGoes()
    {
        var (meetingId, items) = await DraftAsync(301, "1", "2", "3", "4");
        await AsClerkAsync(s => s.MoveItemAsync(items["4"], -1)); // 4 becomes 3 and carries the matter
        var result = await AsClerkAsync(s => s.RemoveItemAsync(items["4"]));

        Assert.True(result.Succeeded);
        Assert.Equal(["1:Item 1", "2:Item 2", "3:Item 3"], await NumbersAsync(meetingId));
        Assert.False(await App.WithDbAsync(db => db.MattersArising.AnyAsync(m => m.MeetingId == meetingId)));
    }

    [Fact]
    public async Task RemoveItemAsync_ItemWithSubItems_Refused()
    {
        var (_, items) = await DraftAsync(302, "1", "1a", "2");
        var result = await AsClerkAsync(s => s.RemoveItemAsync(items["1"]));
        Assert.Equal("Remove the sub-items of minute 1 first", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task RecordAgreedAsync_EarlierMeeting_RefusedOnTheMeetingField()
    {
        var (meetingId, _) = await DraftAsync(303, "1");
        var earlier = await App.NewMeetingAsync(200);
        var version = await App.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());

        var result = await AsClerkAsync(s => s.RecordAgreedAsync(meetingId, version, new MinutesAgreedInput(earlier, null, null)));

        var error = Assert.Single(result.Errors);
        Assert.Equal((nameof(MinutesAgreedInput.AgreedAtMeetingId), "Select a later meeting of the same group"), (error.Field, error.Message));
    }

    [Fact]
    public async Task RecordAgreedAsync_LaterMeeting_RecordedAndMinutesFixed()
    {
        var (meetingId, items) = await DraftAsync(304, "1", "2");
        await AgreeAsync(meetingId);

        var meeting = await App.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == meetingId));
        Assert.Equal((MeetingStatus.MinutesApproved, "3", "Amanda Mumford"), (meeting.Status, meeting.MinutesAgreedMinute, meeting.MinutesAgreedRecordedBy));
        // Numbers are fixed once agreed: nothing moves or goes.
        var moved = await AsClerkAsync(s => s.MoveItemAsync(items["2"], -1));
        Assert.Equal("These minutes have been agreed as a correct record: their items can be corrected, but not moved or removed", Assert.Single(moved.Errors).Message);
        Assert.False((await AsClerkAsync(s => s.RemoveItemAsync(items["1"]))).Succeeded);
    }

    [Fact]
    public async Task ChangeItemAsync_AfterAgreementWithoutReason_RefusedOnTheReasonField()
    {
        var (meetingId, items) = await DraftAsync(305, "1", "2");
        await AgreeAsync(meetingId);
        var version = await App.WithDbAsync(db => db.MinuteItems.Where(i => i.Id == items["1"]).Select(i => i.Version).SingleAsync());

        var result = await AsClerkAsync(s => s.ChangeItemAsync(items["1"], version, new MinuteItemChangeInput("Item 1", "Corrected text", " ")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Reason", "Enter why the agreed minutes are being corrected"), (error.Field, error.Message));
        Assert.Equal("Text of 1", await App.WithDbAsync(db => db.MinuteItems.Where(i => i.Id == items["1"]).Select(i => i.Text).SingleAsync()));
    }

    [Fact]
    public async Task ChangeItemAsync_Draft_NoReasonNeededAndNoCorrectionKept()
    {
        var (meetingId, items) = await DraftAsync(306, "1");
        var version = await App.WithDbAsync(db => db.MinuteItems.Where(i => i.Id == items["1"]).Select(i => i.Version).SingleAsync());

        Assert.True((await AsClerkAsync(s => s.ChangeItemAsync(items["1"], version, new MinuteItemChangeInput("Apologies for absence", "None", null)))).Succeeded);

        Assert.Equal(["1:Apologies for absence"], await NumbersAsync(meetingId));
        Assert.False(await App.WithDbAsync(db => db.MinuteCorrections.AnyAsync(c => c.MeetingId == meetingId)));
    }

    [Fact]
    public async Task MinutesPage_CorrectionAfterAgreement_ShownBesideTheMinuteLiveWithWhoWhenAndReason()
    {
        var (meetingId, items) = await DraftAsync(307, "1", "2");
        await AgreeAsync(meetingId);
        await SignInAsAsync("member");
        var cut = Render<MinutesPage>(p => p.Add(c => c.Id, meetingId));
        cut.WaitForElement("[data-minutes-agreed]");
        Assert.Contains("Agreed as a correct record at the meeting of", cut.Find("[data-minutes-agreed]").TextContent);
        Assert.Contains("(minute 3)", cut.Find("[data-minutes-agreed]").TextContent);
        Assert.Empty(cut.FindAll("[data-change-minute]"));

        var version = await App.WithDbAsync(db => db.MinuteItems.Where(i => i.Id == items["2"]).Select(i => i.Version).SingleAsync());
        var saved = await AsClerkAsync(s => s.ChangeItemAsync(items["2"], version,
            new MinuteItemChangeInput("Item 2", "Text of 2, with Mr Belcher", "Mr Belcher was omitted from the minute")));
        Assert.True(saved.Succeeded);

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("tr[data-minute='2']");
            Assert.Contains("Text of 2, with Mr Belcher", row.TextContent);
            var correction = row.QuerySelector("[data-correction]")!.TextContent;
            Assert.Contains("by Amanda Mumford: Mr Belcher was omitted from the minute", correction);
            Assert.Contains("Minute was: “Text of 2”", correction);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task MinutesPage_AnotherClerkReorders_PageRerendersInTheNewOrder()
    {
        var (meetingId, items) = await DraftAsync(308, "1", "2", "3");
        await SignInAsAsync("admin");
        var cut = Render<MinutesPage>(p => p.Add(c => c.Id, meetingId));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr[data-minute]").Count));
        Assert.NotNull(cut.Find("[data-move-up='2']"));
        Assert.NotNull(cut.Find("[data-record-agreed]"));

        Assert.True((await AsClerkAsync(s => s.MoveItemAsync(items["1"], 1))).Succeeded);

        cut.WaitForAssertion(() => Assert.Equal("Item 2", cut.Find("tr[data-minute='1'] h2").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Equal("Item 1", cut.Find("tr[data-minute='2'] h2").TextContent.Trim());
    }

    [Fact]
    public async Task MinutesPage_ClerkMovesDown_TheListRenumbers()
    {
        var (meetingId, _) = await DraftAsync(309, "1", "2");
        await SignInAsAsync("admin");
        var cut = Render<MinutesPage>(p => p.Add(c => c.Id, meetingId));
        cut.WaitForElement("[data-move-down='1']");

        await cut.Find("[data-move-down='1']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Item 1", cut.Find("tr[data-minute='2'] h2").TextContent.Trim()), TimeSpan.FromSeconds(5));
    }
}
