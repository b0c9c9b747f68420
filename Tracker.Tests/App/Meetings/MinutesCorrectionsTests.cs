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

    // ---- Adding to agreed minutes, and reordering by drag ----

    async Task<T> AsClerkMinutesAsync<T>(Func<MinutesService, Task<T>> work)
    {
        var (scope, service) = await AsAsync<MinutesService>("admin");
        await using (scope) return await work(service);
    }

    /// <summary>The next meeting of the group, numbering on in the same series from <paramref name="number"/>.</summary>
    Task NextMeetingUsesAsync(int meetingId, int number) => App.WithDbAsync(async db =>
    {
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
        var next = Meeting.Schedule((await db.Groups.SingleAsync(g => g.Id == meeting.GroupId)), meeting.Date.AddDays(91), new TimeOnly(10, 0), "Bromley Civic Centre");
        next.MinuteSeries = meeting.MinuteSeries;
        db.Meetings.Add(next);
        db.MinuteItems.Add(MinuteItem.Record(next, new MinuteNumber(number), "Apologies for absence", ""));
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task AddMinuteItemAsync_AfterAgreementWithoutReason_RefusedOnTheReasonField()
    {
        var (meetingId, _) = await DraftAsync(310, "1", "2");
        await AgreeAsync(meetingId);

        var result = await AsClerkMinutesAsync(s => s.AddMinuteItemAsync(meetingId, new MinuteItemInput("3", "Crime Summit", "The summit was noted.", null, null, false, "  ")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Reason", "Enter why the agreed minutes are being corrected"), (error.Field, error.Message));
        Assert.Equal(["1:Item 1", "2:Item 2"], await NumbersAsync(meetingId));
    }

    [Fact]
    public async Task AddMinuteItemAsync_AfterAgreementWithReason_NumberedAfterTheItemsAndShownAsAdded()
    {
        var (meetingId, items) = await DraftAsync(311, "1", "2");
        await AgreeAsync(meetingId);
        await NextMeetingUsesAsync(meetingId, 3);

        // The next meeting has used 3: the addition hangs off the last minute, and nothing agreed is renumbered.
        var minutes = await AsClerkMinutesAsync(s => s.GetMinutesAsync(meetingId));
        Assert.Equal("2a", minutes!.NextNumber);
        var outOfPlace = await AsClerkMinutesAsync(s => s.AddMinuteItemAsync(meetingId, new MinuteItemInput("4", "Crime Summit", null, null, null, false, "Omitted")));
        Assert.Equal((nameof(MinuteItemInput.Number), "These minutes have been agreed: number the new item after minute 2 without renumbering, like 2a"),
            (Assert.Single(outOfPlace.Errors).Field, outOfPlace.Errors[0].Message));
        var before = await AsClerkMinutesAsync(s => s.AddMinuteItemAsync(meetingId, new MinuteItemInput("1a", "Crime Summit", null, null, null, false, "Omitted")));
        Assert.StartsWith("These minutes have been agreed", Assert.Single(before.Errors).Message);

        var added = await AsClerkMinutesAsync(s => s.AddMinuteItemAsync(meetingId,
            new MinuteItemInput("2a", "Crime Summit", "The Crime Summit was noted.", "RESOLVED that the summit report is circulated.", "AM", true, "The minute on the Crime Summit was omitted")));

        Assert.True(added.Succeeded, string.Join(", ", added.Errors.Select(e => e.Message)));
        Assert.Equal(["1:Item 1", "2:Item 2", "2a:Crime Summit"], await NumbersAsync(meetingId));
        Assert.Equal([items["1"], items["2"]], await App.WithDbAsync(db => db.MinuteItems.Where(i => i.MeetingId == meetingId && i.Suffix == "").OrderBy(i => i.Number).Select(i => i.Id).ToListAsync()));
        var shown = (await AsClerkMinutesAsync(s => s.GetMinutesAsync(meetingId)))!;
        var correction = Assert.Single(shown.Items.Single(i => i.Number == "2a").Corrections);
        Assert.True(correction.IsAddition);
        Assert.Equal((MinuteCorrection.ItemAdded, "The minute on the Crime Summit was omitted", "Amanda Mumford"), (correction.Field, correction.Reason, correction.CorrectedBy));
        Assert.Equal("2b", shown.NextNumber);
        Assert.Equal("2a", await App.WithDbAsync(db => db.MattersArising.Where(m => m.Resolution!.MinuteItem!.MeetingId == meetingId && m.MinuteNumber == "2a").Select(m => m.MinuteNumber).SingleAsync()));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MinuteItem) && a.EntityKey == added.Id.ToString()
            && a.Reason == "Addition to agreed minutes: The minute on the Crime Summit was omitted")));
    }

    [Fact]
    public async Task AddMinuteItemAsync_AfterAgreementNoLaterNumbers_TakesTheNextWholeNumber()
    {
        var (meetingId, _) = await DraftAsync(312, "1", "2");
        await AgreeAsync(meetingId);

        Assert.Equal("3", (await AsClerkMinutesAsync(s => s.GetMinutesAsync(meetingId)))!.NextNumber);
        Assert.True((await AsClerkMinutesAsync(s => s.AddMinuteItemAsync(meetingId, new MinuteItemInput("3", "Any other business", "None.", null, null, false, "Omitted")))).Succeeded);
        Assert.Equal(["1:Item 1", "2:Item 2", "3:Any other business"], await NumbersAsync(meetingId));
        // Still fixed: the addition is neither moved nor removed.
        var added = await App.WithDbAsync(db => db.MinuteItems.Where(i => i.MeetingId == meetingId && i.Number == 3).Select(i => i.Id).SingleAsync());
        Assert.False((await AsClerkAsync(s => s.RemoveItemAsync(added))).Succeeded);
        Assert.False((await AsClerkAsync(s => s.MoveItemToAsync(added, added))).Succeeded);
    }

    [Fact]
    public async Task AddResolutionAsync_AfterAgreement_NeedsAReasonThenKeptAsAnAddition()
    {
        var (meetingId, items) = await DraftAsync(313, "1", "2");
        await AgreeAsync(meetingId);

        var refused = await AsClerkMinutesAsync(s => s.AddResolutionAsync(items["1"], new ResolutionInput("RESOLVED that the apologies are noted.", null, false)));
        Assert.Equal(("Reason", "Enter why the agreed minutes are being corrected"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Message));

        var added = await AsClerkMinutesAsync(s => s.AddResolutionAsync(items["1"], new ResolutionInput("RESOLVED that the apologies are noted.", null, false, "The resolution was omitted")));

        Assert.True(added.Succeeded, string.Join(", ", added.Errors.Select(e => e.Message)));
        var correction = await App.WithDbAsync(db => db.MinuteCorrections.SingleAsync(c => c.MinuteItemId == items["1"]));
        Assert.Equal((MinuteCorrection.ResolutionAdded, (int?)added.Id, "RESOLVED that the apologies are noted.", "The resolution was omitted"),
            (correction.Field, correction.ResolutionId, correction.After, correction.Reason));
        var view = (await AsClerkMinutesAsync(s => s.GetMinutesAsync(meetingId)))!.Items.Single(i => i.Number == "1");
        Assert.Equal(["RESOLVED that the apologies are noted."], view.Resolutions.Select(r => r.Text));
    }

    [Fact]
    public async Task MoveItemToAsync_DraggedDownAndSubItemElsewhere_NumbersDealtOutOrRefused()
    {
        var (meetingId, items) = await DraftAsync(314, "1", "2", "2a", "3", "3a", "3b", "4");

        var moved = await AsClerkAsync(s => s.MoveItemToAsync(items["4"], items["2a"]));

        Assert.True(moved.Succeeded);
        // 4 takes 2's place (dropped on its sub-item); 2 and 3 shift down one with their sub-items; the matter follows 4.
        Assert.Equal(["1:Item 1", "2:Item 4", "3:Item 2", "3a:Item 2a", "4:Item 3", "4a:Item 3a", "4b:Item 3b"], await NumbersAsync(meetingId));
        Assert.Equal("2", await App.WithDbAsync(db => db.MattersArising.Where(m => m.Resolution!.MinuteItemId == items["4"]).Select(m => m.MinuteNumber).SingleAsync()));

        var sibling = await AsClerkAsync(s => s.MoveItemToAsync(items["3b"], items["3a"]));
        Assert.True(sibling.Succeeded);
        Assert.Equal(["4a:Item 3b", "4b:Item 3a"], (await NumbersAsync(meetingId)).Skip(5));

        var elsewhere = await AsClerkAsync(s => s.MoveItemToAsync(items["2a"], items["1"]));
        Assert.Equal("Minute 3a is a sub-item: it moves only among the sub-items of minute 3", Assert.Single(elsewhere.Errors).Message);
        var (scope, denied) = await AsAsync<MinuteCorrectionsService>("chair");
        await using (scope) Assert.NotNull((await denied.MoveItemToAsync(items["1"], items["2"])).Denied);
    }

    [Fact]
    public async Task MinutesPage_ItemAddedToAgreedMinutesElsewhere_ShownLiveAsAdded()
    {
        var (meetingId, _) = await DraftAsync(315, "1", "2");
        await AgreeAsync(meetingId);
        await SignInAsAsync("admin");
        var cut = Render<MinutesPage>(p => p.Add(c => c.Id, meetingId));
        cut.WaitForElement("[data-adding-to-agreed]");
        Assert.NotNull(cut.Find("#Reason"));
        Assert.Empty(cut.FindAll("tr[draggable=true]"));
        Assert.Empty(cut.FindAll("[data-move-up]"));

        // The clerk's own attempt without a reason: the message beside the field and in the summary.
        cut.Find("#Title").Input("Crime Summit");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save minute item").Click();
        cut.WaitForAssertion(() => Assert.Contains("Enter why the agreed minutes are being corrected", cut.Find(".mud-input-control:has(#Reason)").TextContent));
        Assert.Equal("#Reason", cut.FindAll("[data-error-summary] a").Single(a => a.TextContent.Contains("agreed minutes")).GetAttribute("href"));

        var saved = await AsClerkMinutesAsync(s => s.AddMinuteItemAsync(meetingId, new MinuteItemInput("3", "Any other business", "None.", null, null, false, "AOB was omitted")));
        Assert.True(saved.Succeeded);

        cut.WaitForAssertion(() =>
        {
            var addition = cut.Find("tr[data-minute='3'] [data-addition]").TextContent;
            Assert.Contains("Added on", addition);
            Assert.Contains("by Amanda Mumford: AOB was omitted", addition);
        }, TimeSpan.FromSeconds(5));
        // The clerk's half-typed item stays; its suggested number did not.
        Assert.Equal("Crime Summit", cut.Find("#Title").GetAttribute("value"));
    }

    [Fact]
    public async Task MinutesPage_DraftRowsDraggable_DropMovesTheMinute()
    {
        var (meetingId, _) = await DraftAsync(316, "1", "2", "3");
        await SignInAsAsync("admin");
        var cut = Render<MinutesPage>(p => p.Add(c => c.Id, meetingId));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr[draggable=true]").Count));

        cut.Find("tr[data-minute='3']").DragStart();
        cut.Find("tr[data-minute='1']").DragEnter();
        cut.WaitForAssertion(() => Assert.Contains("drag-over", cut.Find("tr[data-minute='1']").ClassName));
        cut.Find("tr[data-minute='1']").Drop();

        cut.WaitForAssertion(() => Assert.Equal("Item 3", cut.Find("tr[data-minute='1'] h2").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Equal(["1:Item 3", "2:Item 1", "3:Item 2"], await NumbersAsync(meetingId));
        Assert.Empty(cut.FindAll("tr.drag-over"));
    }
}
