using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

[Collection(MeetingsBrowserCollection.Name)]
public sealed class MeetingsBrowserTests(BrowserFixture browser)
{
    static readonly LocatorAssertionsToContainTextOptions WithinTwoSeconds = new() { Timeout = 2000 };

    Task<int> MeetingOnAsync(int year, int month, int day) =>
        browser.App.WithDbAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(year, month, day)).Select(m => m.Id).SingleAsync());

    /// <summary>A future Strategic Group meeting of the test's own.</summary>
    Task<int> NewMeetingAsync(int daysAhead) => browser.App.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
        var meeting = Meeting.Schedule(group, DateOnly.FromDateTime(DateTime.Today.AddDays(daysAhead)), new TimeOnly(10, 0), "Bromley Civic Centre");
        meeting.AddAgendaItem("1", "Apologies for absence");
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    [Fact]
    public async Task Resolution_ClerkRecordsOwnerUpdates_NextMeetingsReportShowsIt()
    {
        var june = await MeetingOnAsync(2019, 6, 20);
        // The next meeting, in the future so that today's update belongs to its report.
        var next = await NewMeetingAsync(21);

        var clerk = await browser.SignedInPageAsync("admin", 1280, 720);
        await clerk.OpenAsync($"/meetings/{june}/minutes");
        await clerk.GetByLabel("Minute number").FillAsync("95");
        await clerk.GetByLabel("Title", new() { Exact = true }).FillAsync("Knife arch deployments");
        await clerk.GetByLabel("Resolution (optional)").FillAsync("RESOLVED that the ASB sub-group reports on knife arch deployments.");
        await clerk.GetByLabel("Action owners").FillAsync("PS");
        await clerk.GetByLabel("The resolution needs action").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save minute item" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("tr[data-minute='95']")).ToContainTextAsync("PS");

        var owner = await browser.SignedInPageAsync("lead", 1280, 720);
        await owner.OpenAsync("/matters-arising");
        await Assertions.Expect(owner.Locator("tr[data-matter='95']")).ToBeVisibleAsync();
        await owner.AssertNoAxeViolationsAsync();
        await owner.Locator("tr[data-matter='95'] a").ClickAsync();
        await owner.WaitForAddressAsync(url => new Uri(url).AbsolutePath.StartsWith("/matters-arising/", StringComparison.Ordinal));
        await owner.WaitForInteractiveAsync();
        await owner.GetByLabel("Update", new() { Exact = true }).FillAsync("Two deployments at Bromley College in July.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add update" }).ClickAsync();
        await Assertions.Expect(owner.Locator("[data-updates]")).ToContainTextAsync("Two deployments at Bromley College in July.");
        await owner.AssertNoAxeViolationsAsync();

        // The matter page as the clerk sees it, with the close and due-by-meeting forms.
        await clerk.OpenAsync(new Uri(owner.Url).PathAndQuery);
        await Assertions.Expect(clerk.Locator("#DueMeetingId")).ToBeAttachedAsync();
        await clerk.AssertNoAxeViolationsAsync();
        // A close with no note shows its error beside the field.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Close matter" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await clerk.AssertNoAxeViolationsAsync();

        await clerk.OpenAsync($"/meetings/{next}/matters-arising");
        await Assertions.Expect(clerk.Locator("tr[data-minute='95']")).ToContainTextAsync("Two deployments at Bromley College in July.");
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task Minute_ClerkRecords_ChairsOpenMinutesAndMeetingPageShowItWithinTwoSeconds()
    {
        var id = await NewMeetingAsync(35);
        var chair = await browser.SignedInPageAsync("chair", 1280, 720);
        await chair.OpenAsync($"/meetings/{id}/minutes");
        var pack = await chair.Context.NewPageAsync();
        await pack.OpenAsync($"/meetings/{id}");
        await Assertions.Expect(pack.Locator("[data-pack-link=minutes]")).ToContainTextAsync("(0 items)");

        var clerk = await browser.SignedInPageAsync("admin");
        await clerk.OpenAsync($"/meetings/{id}/minutes");
        var number = await clerk.GetByLabel("Minute number").InputValueAsync();
        await clerk.GetByLabel("Title", new() { Exact = true }).FillAsync("Crime update");
        await clerk.GetByLabel("Minute", new() { Exact = true }).FillAsync("The Borough Commander presented the crime figures.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save minute item" }).ClickAsync();

        await Assertions.Expect(chair.Locator($"tr[data-minute='{number}']")).ToContainTextAsync("Crime update", WithinTwoSeconds);
        await Assertions.Expect(pack.Locator("[data-pack-link=minutes]")).ToContainTextAsync("(1 items)", WithinTwoSeconds);
        await chair.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }

    public static TheoryData<int, int> Widths => new() { { 1280, 720 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Axe_EveryMeetingsPage_NoViolations(int width, int height)
    {
        var june = await MeetingOnAsync(2019, 6, 20);
        var march = await MeetingOnAsync(2019, 3, 14);
        var next = await NewMeetingAsync(28 + width % 7);
        var (itemId, rowPerson, subGroup, matter) = await browser.App.WithDbAsync(async db => (
            await db.AgendaItems.Where(a => a.MeetingId == next).Select(a => a.Id).FirstAsync(),
            await db.Attendance.Where(a => a.MeetingId == march).Select(a => a.Id).FirstAsync(),
            await db.Groups.Where(g => g.ShortName == "ASB and Envirocrime").Select(g => g.Id).SingleAsync(),
            await db.MattersArising.Where(m => m.MinuteNumber == "64").Select(m => m.Id).FirstAsync()));
        var minuteItem = await browser.App.WithDbAsync(db => db.MinuteItems.Where(i => i.MeetingId == march).Select(i => i.Id).FirstAsync());

        var clerk = await browser.SignedInPageAsync("admin", width, height);
        string[] pages =
        [
            "/meetings", "/meetings/forward-plan", "/meetings/new", $"/meetings/{june}", $"/meetings/{next}", $"/meetings/{next}/edit",
            $"/meetings/{next}/agenda", $"/meetings/{next}/agenda/new", $"/meetings/{next}/agenda/{itemId}",
            $"/meetings/{march}/attendance", $"/meetings/{next}/attendance/new", $"/meetings/{march}/attendance/{rowPerson}",
            $"/meetings/{march}/minutes", $"/meetings/{june}/minutes", $"/meetings/{march}/minutes/{minuteItem}/resolutions/new",
            $"/meetings/{next}/sub-group-reports/{subGroup}", $"/meetings/{june}/matters-arising",
            "/matters-arising", "/matters-arising?view=All", $"/matters-arising/{matter}", $"/meetings/{june}/cover-sheets/matters-arising",
        ];
        foreach (var url in pages)
        {
            await clerk.OpenAsync(url);
            await clerk.AssertNoAxeViolationsAsync();
            await clerk.AssertNoSidewaysScrollAsync();
        }
        // The static print form of Appendix A.
        await clerk.GotoAsync($"/meetings/{june}/matters-arising/print");
        await clerk.AssertNoAxeViolationsAsync();

        // Forms showing errors.
        await clerk.OpenAsync("/meetings/new");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.OpenAsync($"/meetings/{june}/minutes");
        await clerk.GetByLabel("Minute number").FillAsync("68a");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save minute item" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.Context.CloseAsync();

        // A lead reads another sub-group's report, and sees their own matters.
        var lead = await browser.SignedInPageAsync("lead", width, height);
        await lead.OpenAsync($"/meetings/{june}/sub-group-reports/{subGroup}");
        await lead.AssertNoAxeViolationsAsync();
        await lead.OpenAsync($"/matters-arising/{matter}");
        await lead.AssertNoAxeViolationsAsync();
        await lead.Context.CloseAsync();
    }
}
