using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MeetingsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Resolution_ClerkRecordsOwnerUpdates_NextMeetingsReportShowsIt()
    {
        var june = await browser.App.WithDbAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2019, 6, 20)).Select(m => m.Id).SingleAsync());
        // The next meeting, in the future so that today's update belongs to its report.
        var next = await browser.App.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
            var meeting = Meeting.Schedule(group, DateOnly.FromDateTime(DateTime.Today.AddDays(21)), new TimeOnly(10, 0), "Bromley Civic Centre");
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var clerk = await browser.SignedInPageAsync("admin");
        await clerk.GotoAsync("/meetings");
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.GotoAsync($"/meetings/{june}");
        await clerk.AssertNoAxeViolationsAsync();
        // The clerk's pages for the meeting's details, agenda and attendance.
        foreach (var page in new[] { "edit", "agenda", "agenda/new", "attendance", "attendance/new" })
        {
            await clerk.GotoAsync($"/meetings/{next}/{page}");
            await clerk.AssertNoAxeViolationsAsync();
        }
        await clerk.GotoAsync($"/meetings/{june}/agenda");
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.GotoAsync($"/meetings/{june}/attendance");
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.GotoAsync($"/meetings/{june}/minutes");
        await clerk.GetByLabel("Minute number").FillAsync("95");
        await clerk.GetByLabel("Title", new() { Exact = true }).FillAsync("Knife arch deployments");
        await clerk.GetByLabel("Resolution (optional)").FillAsync("RESOLVED that the ASB sub-group reports on knife arch deployments.");
        await clerk.GetByLabel("Action owners").FillAsync("PS");
        await clerk.GetByLabel("The resolution needs action").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save minute item" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("tr[data-minute='95']")).ToContainTextAsync("PS");

        var owner = await browser.SignedInPageAsync("lead");
        await owner.GotoAsync("/matters-arising");
        await owner.AssertNoAxeViolationsAsync();
        await Assertions.Expect(owner.Locator("tr[data-matter='95']")).ToBeVisibleAsync();
        await owner.Locator("tr[data-matter='95'] a").ClickAsync();
        await owner.GetByLabel("Add an update").FillAsync("Two deployments at Bromley College in July.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add update" }).ClickAsync();
        await Assertions.Expect(owner.Locator("[data-updates]")).ToContainTextAsync("Two deployments at Bromley College in July.");
        // The matter page as the clerk sees it, with the due-by-meeting form.
        await clerk.GotoAsync(owner.Url);
        await Assertions.Expect(clerk.GetByLabel("Due by meeting")).ToBeVisibleAsync();
        await clerk.AssertNoAxeViolationsAsync();

        await clerk.GotoAsync($"/meetings/{next}/matters-arising");
        await Assertions.Expect(clerk.Locator("tr[data-minute='95']")).ToContainTextAsync("Two deployments at Bromley College in July.");
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }
}
