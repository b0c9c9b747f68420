using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>Issue 12: the clerk sets up a meeting (agenda and attendance) in at most two screens.</summary>
[Collection(MeetingsBrowserCollection.Name)]
public sealed class MeetingSetupBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Clerk_SixAgendaItemsSevenAttendees_TwoScreens()
    {
        var clerk = await browser.SignedInPageAsync("admin", 1280, 720);
        var screens = new List<string>();
        clerk.FrameNavigated += (_, frame) =>
        {
            if (frame != clerk.MainFrame) return;
            var path = new Uri(frame.Url).AbsolutePath;
            if (screens.LastOrDefault() != path) screens.Add(path);
        };
        var date = DateOnly.FromDateTime(DateTime.Today.AddDays(40));

        // Screen 1: schedule it. The agenda is pre-filled.
        await clerk.OpenAsync("/meetings/new");
        await clerk.ChooseAsync(clerk.GetByRole(AriaRole.Combobox).First, "ASB and Envirocrime Sub-Group");
        await clerk.GetByLabel("Date of the meeting").FillAsync(UkDates.Short(date));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();

        // Screen 2: the set-up page.
        await clerk.WaitForPathAsync("/setup");
        await clerk.WaitForInteractiveAsync();
        var rows = clerk.Locator("tr[data-agenda-item]");
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Apologies for absence");

        // Add an item with its presenter found by surname and its paper; it goes before any other business.
        var add = clerk.Locator("[data-agenda-add]");
        await add.GetByLabel("Title").FillAsync("PSPO consultation outcome");
        await clerk.FindAndChooseAsync(add.GetByLabel("Presenter (optional)"), "Sibl", "Peter Sibley");
        await add.GetByLabel("Link to the paper (optional)").FillAsync("/risks");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("tr[data-agenda-item='5']")).ToContainTextAsync("PSPO consultation outcome");
        await Assertions.Expect(clerk.Locator("tr[data-agenda-item='5']")).ToContainTextAsync("Peter Sibley");

        // Remove questions; move the new item up by keyboard; drag matters outstanding to the top.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Remove item 4" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        var moveUp = clerk.GetByRole(AriaRole.Button, new() { Name = "Move up item 4" });
        await moveUp.FocusAsync();
        await clerk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(clerk.Locator("tr[data-agenda-item='3']")).ToContainTextAsync("PSPO consultation outcome");
        await clerk.Locator("tr[data-agenda-item='4']").DragToAsync(clerk.Locator("tr[data-agenda-item='1']"));
        await Assertions.Expect(clerk.Locator("tr[data-agenda-item='1']")).ToContainTextAsync("Matters outstanding");

        // Attendance: three members present, one with apologies, four also present (one a substitute).
        foreach (var member in new[] { "Peter Sibley", "Toby Smith", "Colin Carswell" })
            // By the member's own cell: a present member's "substitute for" list names the others.
            await clerk.Locator("tr[data-member]", new() { Has = clerk.Locator("td:first-child", new() { HasText = member }) }).GetByLabel("Present").CheckAsync();
        var absentee = clerk.Locator("tr[data-member]").Filter(new() { HasNotText = "Peter Sibley" }).Filter(new() { HasNotText = "Toby Smith" })
            .Filter(new() { HasNotText = "Colin Carswell" }).First;
        var absenteeName = (await absentee.Locator("td").First.TextContentAsync())!.Split(',')[0].Trim();
        await absentee.GetByLabel("Apologies").CheckAsync();
        foreach (var (typed, name) in new[] { ("Mumford", "Amanda Mumford"), ("lym", "Councillor Kate Lymer"), ("RV", "Rob Vale"), ("Stowell", "Joanne Stowell") })
        {
            await clerk.FindAndChooseAsync(clerk.GetByLabel("Add someone who is not a member"), typed, name);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Add to also present" }).ClickAsync();
            await Assertions.Expect(clerk.Locator("[data-attendance-grid] tr[data-visitor]", new() { HasText = name })).ToBeVisibleAsync();
        }
        await clerk.Locator("tr[data-visitor]", new() { HasText = "Rob Vale" }).Locator("select").SelectOptionAsync(new SelectOptionValue { Label = absenteeName });
        await Assertions.Expect(clerk.Locator("tr[data-visitor]", new() { HasText = "Rob Vale" }).Locator("select")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await Assertions.Expect(clerk.Locator("[data-error-summary]")).ToHaveCountAsync(0);

        Assert.Equal(2, screens.Count);
        var id = int.Parse(new Uri(clerk.Url).AbsolutePath.Split('/')[2]);
        // The list shows the choice at once; the save follows over the circuit.
        for (var i = 0; i < 50 && !await browser.App.WithDbAsync(db => db.Attendance.AnyAsync(a => a.MeetingId == id && a.SubstituteFor == absenteeName)); i++)
            await Task.Delay(100);
        var (agenda, attendance) = await browser.App.WithDbAsync(async db => (
            await db.AgendaItems.Where(a => a.MeetingId == id).OrderBy(a => a.Order).Select(a => a.Number + " " + a.Title).ToListAsync(),
            await db.Attendance.Where(a => a.MeetingId == id).Select(a => new { a.Kind, a.Name, a.SubstituteFor }).ToListAsync()));
        Assert.Equal(6, agenda.Count);
        Assert.Equal("1 Matters outstanding", agenda[0]);
        Assert.Equal(7, attendance.Count(a => a.Kind != AttendanceKind.Apologies));
        Assert.Contains(attendance, a => a.Name.StartsWith("Rob Vale") && a.SubstituteFor == absenteeName);

        // The meeting's page shows them as the minutes will.
        await clerk.OpenAsync($"/meetings/{id}");
        await Assertions.Expect(clerk.Locator("[data-attendance=AlsoPresent]")).ToContainTextAsync($"(substituting for {absenteeName})");
        await Assertions.Expect(clerk.Locator("[data-attendance=Apologies]")).ToContainTextAsync(absenteeName);
        await clerk.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task Axe_SetUpAndStandingItems_NoViolations(int width, int height)
    {
        var id = await browser.App.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.ShortName == "Strategic Group");
            var meeting = Meeting.Schedule(group, DateOnly.FromDateTime(DateTime.Today.AddDays(50 + width % 7)), new TimeOnly(10, 0), "Bromley Civic Centre");
            meeting.AddAgendaItem("1", "Apologies for absence");
            meeting.AddAgendaItem("2", "Police update", "Colin Carswell", "/risks");
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var clerk = await browser.SignedInPageAsync("admin", width, height);
        foreach (var url in new[] { $"/meetings/{id}/setup", "/meetings/standing-items" })
        {
            await clerk.OpenAsync(url);
            await clerk.AssertNoAxeViolationsAsync();
            await clerk.AssertNoSidewaysScrollAsync();
        }

        // Errors showing: an item without a title, a visitor not chosen, an item being changed.
        await clerk.OpenAsync($"/meetings/{id}/setup");
        await clerk.Locator("[data-agenda-add]").GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-agenda-editor] [data-error-summary]")).ToContainTextAsync("Enter the title of the agenda item");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Add to also present" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-attendance-grid] [data-error-summary]")).ToContainTextAsync("Select the person");
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Change item 2" }).ClickAsync();
        await clerk.Locator("tr[data-editing]").GetByLabel("Title").FillAsync("");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save item 2" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-agenda-editor] [data-error-summary]")).ToBeVisibleAsync();
        await clerk.AssertNoAxeViolationsAsync();

        // Two members present, one named as the other's substitute: refused in words, the choice offered to both.
        var members = clerk.Locator("tr[data-member]");
        await members.Nth(0).GetByLabel("Present").CheckAsync();
        await Assertions.Expect(members.Nth(0).Locator("select")).ToBeVisibleAsync();
        await members.Nth(1).GetByLabel("Present").CheckAsync();
        await Assertions.Expect(members.Nth(1).Locator("select")).ToBeVisibleAsync();
        var firstName = (await members.Nth(0).Locator("td").First.TextContentAsync())!.Split(',')[0].Trim();
        await members.Nth(1).Locator("select").SelectOptionAsync(new SelectOptionValue { Label = firstName });
        await Assertions.Expect(clerk.Locator("[data-attendance-grid] [data-error-summary]")).ToContainTextAsync($"{firstName} is recorded as present, so no one can attend as their substitute");
        await clerk.AssertNoAxeViolationsAsync();

        await clerk.OpenAsync("/meetings/standing-items");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Add standing item" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-error-summary]")).ToContainTextAsync("Enter the title of the standing item");
        await clerk.AssertNoAxeViolationsAsync();
        await clerk.Context.CloseAsync();
    }
}
