using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>Corrections of agreed minutes, the record of agreement, the questions log and the pack's as-at date, in a browser.</summary>
[Collection(MeetingsBrowserCollection.Name)]
public sealed class MinutesCorrectionsBrowserTests(BrowserFixture browser)
{
    static int _series = 7000;

    /// <summary>A meeting of the test's own with two minute items in a series of its own; agreed at a later meeting if asked.</summary>
    Task<int> MeetingAsync(int daysAhead, bool agreed) => browser.App.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
        var meeting = Meeting.Schedule(group, DateOnly.FromDateTime(DateTime.Today.AddDays(daysAhead)), new TimeOnly(10, 0), "Bromley Civic Centre");
        meeting.MinuteSeries = Interlocked.Increment(ref _series);
        meeting.AddAgendaItem("1", "Apologies for absence");
        db.Meetings.Add(meeting);
        var later = Meeting.Schedule(group, meeting.Date.AddDays(91), new TimeOnly(10, 0), "Bromley Civic Centre");
        db.Meetings.Add(later);
        await db.SaveChangesAsync();
        db.MinuteItems.Add(MinuteItem.Record(meeting, new MinuteNumber(1), "Apologies for absence", "Apologies were received from the Borough Commander."));
        db.MinuteItems.Add(MinuteItem.Record(meeting, new MinuteNumber(2), "Minutes of the previous meeting", "The minutes were agreed as a correct record."));
        if (agreed) meeting.RecordMinutesAgreed(later, "2", null, "Steve Wood", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    static ILocator FieldError(IPage page, string id) => page.Locator($".mud-input-control:has(#{id}) .mud-input-helper-text");

    /// <summary>Axe once a confirmation's snackbar has faded in (mid-animation its text is part-transparent).</summary>
    static async Task AxeAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(e => getComputedStyle(e).opacity === '1')");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task CorrectionAfterAgreement_WithoutReason_ErrorBesideTheFieldThenShownAsCorrection()
    {
        var id = await MeetingAsync(150, agreed: true);
        var clerk = await browser.SignedInPageAsync("admin", 1280, 720);
        await clerk.OpenAsync($"/meetings/{id}/minutes");
        await Assertions.Expect(clerk.Locator("[data-minutes-agreed]")).ToContainTextAsync("(minute 2)");

        await clerk.Locator("[data-change-minute='1']").ClickAsync();
        var dialog = clerk.Locator("[data-minute-change-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Minute", new() { Exact = true }).FillAsync("Apologies were received from the Borough Commander and Mr Terry Belcher.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();

        await Assertions.Expect(FieldError(clerk, "change-Reason")).ToHaveTextAsync("Enter why the agreed minutes are being corrected");
        await Assertions.Expect(dialog.Locator("[data-error-summary]")).ToContainTextAsync("Enter why the agreed minutes are being corrected");
        await clerk.AssertNoAxeViolationsAsync();

        await dialog.GetByLabel("Reason for the correction").FillAsync("Mr Belcher's apologies were omitted");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("tr[data-minute='1'] [data-correction]")).ToContainTextAsync("Mr Belcher's apologies were omitted");
        await Assertions.Expect(clerk.Locator("tr[data-minute='1']")).ToContainTextAsync("and Mr Terry Belcher.");
        await AxeAsync(clerk);
        await clerk.Context.CloseAsync();
    }

    public static TheoryData<int, int> Widths => new() { { 1280, 720 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Axe_ChangedMeetingPagesWithDialogsOpenAndErrors_NoViolations(int width, int height)
    {
        var days = 160 + width % 7;
        var draft = await MeetingAsync(days, agreed: false);
        var clerk = await browser.SignedInPageAsync("admin", width, height);

        async Task CheckAsync()
        {
            await AxeAsync(clerk);
            await clerk.AssertNoSidewaysScrollAsync();
        }

        // The meeting page: deadlines, the papers' as-at date, the questions log; the question dialog with its errors.
        await clerk.OpenAsync($"/meetings/{draft}");
        await Assertions.Expect(clerk.Locator("[data-papers-as-at]")).ToContainTextAsync("as at");
        await CheckAsync();
        await clerk.Locator("[data-add-question]").ClickAsync();
        var question = clerk.Locator("[data-question-dialog]");
        await Assertions.Expect(question).ToBeVisibleAsync();
        await CheckAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(FieldError(clerk, "AskedBy")).ToHaveTextAsync("Enter who asked the question");
        await CheckAsync();
        await question.GetByLabel("Asked by").FillAsync("Cllr Tim Stevens");
        await clerk.ChooseAsync(clerk.Locator("[data-question-dialog] [role=combobox]").First, "Councillor");
        await question.GetByLabel("Question", new() { Exact = true }).FillAsync("What is the SNB doing about diversity?");
        // The day before the meeting: after the general deadline.
        await question.GetByLabel("Date received").FillAsync(DateTime.Today.AddDays(days - 1).ToString("dd/MM/yyyy"));
        await question.GetByLabel("Time received").FillAsync("16:30");
        await question.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        try { await Assertions.Expect(clerk.Locator("[data-questions-log] [data-late]")).ToHaveTextAsync("Late", new() { Timeout = 15000 }); }
        catch (PlaywrightException e)
        {
            // Failed once in many runs and never when repeated: say whether the save was refused (the dialog still
            // open, with its errors) or saved and not shown, so that a next failure tells which.
            var dialogText = await clerk.EvaluateAsync<string>("() => document.querySelector('[data-question-dialog]')?.innerText ?? 'closed'");
            var logText = await clerk.EvaluateAsync<string>("() => document.querySelector('[data-questions]')?.innerText ?? 'not shown'");
            var saved = await browser.App.WithDbAsync(db => db.MeetingQuestions.Where(q => q.MeetingId == draft).Select(q => new { q.AskedBy, q.From, q.ReceivedOn, q.ReceivedTime }).ToListAsync());
            throw new Xunit.Sdk.XunitException($"The question was not shown as Late. Saved: {string.Join("; ", saved)}. The dialog: {dialogText}. The log: {logText}", e);
        }
        await CheckAsync();

        // The meeting's details with the agenda's publication date refused.
        await clerk.OpenAsync($"/meetings/{draft}/edit");
        await clerk.GetByLabel("Agenda published (optional)").FillAsync("31/02/2026");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(FieldError(clerk, "AgendaPublished")).ToHaveTextAsync("Agenda published must be a real date, like 24/11/2026");
        await CheckAsync();

        // Draft minutes with the change dialog open, and the record of agreement with an error.
        await clerk.OpenAsync($"/meetings/{draft}/minutes");
        await CheckAsync();
        await clerk.Locator("[data-change-minute='2']").ClickAsync();
        var change = clerk.Locator("[data-minute-change-dialog]");
        await Assertions.Expect(change).ToBeVisibleAsync();
        await clerk.WaitForFocusSettledAsync();
        await change.GetByLabel("Title").FillAsync("");
        await Assertions.Expect(change.GetByLabel("Title")).ToHaveValueAsync("");
        await change.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(FieldError(clerk, "change-Title")).ToHaveTextAsync("Enter the title of the minute item");
        await CheckAsync();
        await change.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(change).ToBeHiddenAsync();

        await clerk.Locator("[data-record-agreed]").ClickAsync();
        var agreed = clerk.Locator("[data-minutes-agreed-dialog]");
        await Assertions.Expect(agreed).ToBeVisibleAsync();
        await agreed.GetByLabel("Minute of that meeting (optional)").FillAsync("one hundred");
        await agreed.GetByRole(AriaRole.Button, new() { Name = "Record agreement" }).ClickAsync();
        await Assertions.Expect(FieldError(clerk, "Minute")).ToHaveTextAsync("Enter a minute number like 102 or 68a");
        await CheckAsync();
        await agreed.GetByLabel("Minute of that meeting (optional)").FillAsync("2");
        await agreed.GetByRole(AriaRole.Button, new() { Name = "Record agreement" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-minutes-agreed]")).ToContainTextAsync("(minute 2)");
        await CheckAsync();

        // Appendix A and the quarterly report as at the papers deadline.
        await clerk.OpenAsync($"/meetings/{draft}/matters-arising");
        await Assertions.Expect(clerk.Locator("[data-as-at]")).ToContainTextAsync("As at");
        await CheckAsync();
        await clerk.OpenAsync($"/actions/report?asAt={DateTime.Today:yyyy-MM-dd}");
        await CheckAsync();
        await clerk.OpenAsync("/meetings/forward-plan");
        await CheckAsync();
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task AddingAfterAgreement_WithoutReason_ErrorBesideTheFieldThenShownAsAdded()
    {
        var id = await MeetingAsync(170, agreed: true);
        var clerk = await browser.SignedInPageAsync("admin", 1280, 720);
        await clerk.OpenAsync($"/meetings/{id}/minutes");
        await Assertions.Expect(clerk.Locator("[data-adding-to-agreed]")).ToContainTextAsync("numbered after minute 2");
        await Assertions.Expect(clerk.GetByLabel("Minute number")).ToHaveValueAsync("3");
        await Assertions.Expect(clerk.Locator("tr[draggable=true]")).ToHaveCountAsync(0);

        await clerk.GetByLabel("Title", new() { Exact = true }).FillAsync("Crime Summit");
        await clerk.GetByLabel("Minute", new() { Exact = true }).FillAsync("The Crime Summit would take place on Saturday 17th September at 9.30am.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save minute item" }).ClickAsync();
        await Assertions.Expect(FieldError(clerk, "Reason")).ToHaveTextAsync("Enter why the agreed minutes are being corrected");
        await Assertions.Expect(clerk.Locator("[data-error-summary]")).ToContainTextAsync("Enter why the agreed minutes are being corrected");
        await Assertions.Expect(clerk.Locator("tr[data-minute='3']")).ToHaveCountAsync(0);
        await clerk.AssertNoAxeViolationsAsync();

        await clerk.GetByLabel("Reason for the correction").FillAsync("The minute on the Crime Summit was omitted");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save minute item" }).ClickAsync();
        var added = clerk.Locator("tr[data-minute='3'] [data-addition]");
        await Assertions.Expect(added).ToContainTextAsync("Added on");
        await Assertions.Expect(added).ToContainTextAsync("The minute on the Crime Summit was omitted");
        await Assertions.Expect(clerk.Locator("tr[data-minute='1'] [data-correction]")).ToHaveCountAsync(0);
        await AxeAsync(clerk);
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task DraftMinutes_ReorderedByDragAndByKeyboard_NumbersSwap()
    {
        var id = await MeetingAsync(175, agreed: false);
        var clerk = await browser.SignedInPageAsync("admin", 1280, 720);
        await clerk.OpenAsync($"/meetings/{id}/minutes");
        await Assertions.Expect(clerk.Locator("tr[data-minute][draggable=true]")).ToHaveCountAsync(2);

        // Drag: minute 2 dropped on minute 1 takes its number.
        await clerk.Locator("tr[data-minute='2']").DragToAsync(clerk.Locator("tr[data-minute='1']"));
        await Assertions.Expect(clerk.Locator("tr[data-minute='1'] h2")).ToHaveTextAsync("Minutes of the previous meeting");
        await Assertions.Expect(clerk.Locator("tr[data-minute='2'] h2")).ToHaveTextAsync("Apologies for absence");

        // Keyboard: Move down on minute 1, reached by Tab-able button and pressed with Enter, swaps them back.
        var moveDown = clerk.GetByRole(AriaRole.Button, new() { Name = "Move down minute 1" });
        await moveDown.FocusAsync();
        await clerk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(clerk.Locator("tr[data-minute='1'] h2")).ToHaveTextAsync("Apologies for absence");
        await Assertions.Expect(clerk.Locator("tr[data-minute='2'] h2")).ToHaveTextAsync("Minutes of the previous meeting");
        var titles = await browser.App.WithDbAsync(db => db.MinuteItems.Where(i => i.MeetingId == id).OrderBy(i => i.Number).Select(i => i.Title).ToListAsync());
        Assert.Equal(["Apologies for absence", "Minutes of the previous meeting"], titles);
        await clerk.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Axe_AddingToAgreedMinutesAndDeletingAQuestion_NoViolations(int width, int height)
    {
        var id = await MeetingAsync(180 + width % 7, agreed: true);
        await browser.App.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == id);
            db.MeetingQuestions.Add(MeetingQuestion.Record(meeting, new QuestionValues("Cllr Tim Stevens", QuestionFrom.Councillor, "What is the SNB doing about diversity?",
                meeting.Date.AddDays(-20), new TimeOnly(9, 0), false, null, null, QuestionStatus.Received)));
            return await db.SaveChangesAsync();
        });
        var clerk = await browser.SignedInPageAsync("admin", width, height);

        async Task CheckAsync()
        {
            await AxeAsync(clerk);
            await clerk.AssertNoSidewaysScrollAsync();
        }

        // Agreed minutes: the add form with its reason refused, and a resolution added without a reason.
        await clerk.OpenAsync($"/meetings/{id}/minutes");
        await clerk.GetByLabel("Title", new() { Exact = true }).FillAsync("Crime Summit");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save minute item" }).ClickAsync();
        await Assertions.Expect(FieldError(clerk, "Reason")).ToHaveTextAsync("Enter why the agreed minutes are being corrected");
        await CheckAsync();
        var itemId = await browser.App.WithDbAsync(db => db.MinuteItems.Where(i => i.MeetingId == id && i.Number == 1).Select(i => i.Id).SingleAsync());
        await clerk.OpenAsync($"/meetings/{id}/minutes/{itemId}/resolutions/new");
        await clerk.GetByLabel("Resolution", new() { Exact = true }).FillAsync("RESOLVED that the apologies are noted.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save resolution" }).ClickAsync();
        await Assertions.Expect(FieldError(clerk, "Reason")).ToHaveTextAsync("Enter why the agreed minutes are being corrected");
        await CheckAsync();
        await clerk.GetByLabel("Reason for the correction").FillAsync("The resolution was omitted");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Save resolution" }).ClickAsync();
        await clerk.WaitForPathAsync($"/meetings/{id}/minutes");
        await Assertions.Expect(clerk.Locator("tr[data-minute='1'] [data-addition]")).ToContainTextAsync("Resolution added on");
        await CheckAsync();

        // The meeting page: the question's delete confirmation open, then the question gone.
        await clerk.OpenAsync($"/meetings/{id}");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Delete the question from Cllr Tim Stevens" }).ClickAsync();
        var confirm = clerk.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Delete the question from Cllr Tim Stevens");
        await CheckAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-questions]")).ToContainTextAsync("No questions have been received.");
        await CheckAsync();
        await clerk.Context.CloseAsync();
    }
}
