using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Meetings;

/// <summary>The questions log of a meeting: deadlines from the agenda's publication, late marked in words, clerk-only writes.</summary>
public sealed class QuestionsLogTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    static QuestionInput Question(string receivedOn, string receivedTime, bool onReport = false) =>
        new("Cllr Kate Lymer", QuestionFrom.Councillor, "How many knife crime offences were there in the quarter?", receivedOn, receivedTime,
            onReport, onReport ? "8 Knife Crime and Serious Violence Action Plan" : null, null, QuestionStatus.Received);

    async Task<SaveResult> SaveAsync(string account, int meetingId, QuestionInput input, int? id = null, int version = 0)
    {
        var (scope, questions) = await AsAsync<QuestionsService>(account);
        await using (scope) return await questions.SaveAsync(meetingId, id, version, input);
    }

    async Task<(int Id, DateOnly Date, DateOnly Published)> MeetingAsync(int daysAhead)
    {
        var id = await App.NewMeetingAsync(daysAhead, m => m.SetAgendaPublished(DateOnly.FromDateTime(DateTime.Today.AddDays(daysAhead - 9))));
        var m = await App.WithDbAsync(db => db.Meetings.SingleAsync(x => x.Id == id));
        return (id, m.Date, m.AgendaPublished!.Value);
    }

    [Fact]
    public async Task SaveAsync_AfterTheGeneralDeadline_LoggedAsLate()
    {
        var (id, date, _) = await MeetingAsync(60);
        var general = BankHolidays.AddWorkingDays(date, -10);

        Assert.True((await SaveAsync("admin", id, Question(UkDates.Short(general), "16:59"))).Succeeded);
        Assert.True((await SaveAsync("admin", id, Question(UkDates.Short(general.AddDays(1)), "09:00"))).Succeeded);

        var (scope, questions) = await AsAsync<QuestionsService>("member");
        await using var _ = scope;
        var log = (await questions.GetLogAsync(id))!;
        Assert.Equal([false, true], log.Questions.Select(q => q.IsLate));
        Assert.Equal(general, log.Deadlines.General);
    }

    [Fact]
    public async Task SaveAsync_OnAnAgendaReport_LateOnlyAfter5pmTwoWorkingDaysAfterPublication()
    {
        var (id, _, published) = await MeetingAsync(61);
        var due = BankHolidays.AddWorkingDays(published, 2);

        Assert.True((await SaveAsync("admin", id, Question(UkDates.Short(due), "17:00", onReport: true))).Succeeded);
        Assert.True((await SaveAsync("admin", id, Question(UkDates.Short(due), "17:01", onReport: true))).Succeeded);

        var log = (await App.WithDbAsync(db => db.MeetingQuestions.Where(q => q.MeetingId == id).Include(q => q.Meeting).ToListAsync()))
            .OrderBy(q => q.ReceivedTime).Select(q => q.IsLate(QuestionDeadlines.For(q.Meeting!.Date, q.Meeting.AgendaPublished))).ToList();
        Assert.Equal([false, true], log);
    }

    [Fact]
    public async Task SaveAsync_Member_Refused()
    {
        var (id, _, _) = await MeetingAsync(62);
        var result = await SaveAsync("member", id, Question("01/12/2026", "10:00"));
        Assert.Equal("Only the clerk (an administrator) can record questions", result.Denied);
    }

    [Fact]
    public async Task SaveAsync_Incomplete_ExactMessagesOnExactFields()
    {
        var (id, _, _) = await MeetingAsync(63);
        var result = await SaveAsync("admin", id, new QuestionInput("", null, "", "", "5pm", true, "", "", QuestionStatus.Answered));
        Assert.Equal(new Dictionary<string, string>
        {
            [nameof(QuestionInput.AskedBy)] = "Enter who asked the question",
            [nameof(QuestionInput.From)] = "Select whether a councillor or a member of the public asked",
            [nameof(QuestionInput.Text)] = "Enter the question",
            [nameof(QuestionInput.ReceivedOn)] = "Enter the date the question was received",
            [nameof(QuestionInput.ReceivedTime)] = "Time received must be a time, like 16:30",
            [nameof(QuestionInput.AgendaReport)] = "Enter which report on the agenda the question is about",
            [nameof(QuestionInput.Answer)] = "Enter the answer, or choose another status",
        }, result.Errors.ToDictionary(e => e.Field, e => e.Message));
    }

    [Fact]
    public async Task MeetingPage_QuestionAddedElsewhere_LogShowsItLiveWithLateInWords()
    {
        var (id, date, published) = await MeetingAsync(64);
        await SignInAsAsync("member");
        var cut = Render<MeetingPackPage>(p => p.Add(c => c.Id, id));
        cut.WaitForElement("[data-questions]");
        Assert.Contains("No questions have been received.", cut.Find("[data-questions]").TextContent);
        Assert.Empty(cut.FindAll("[data-add-question]"));
        var deadlines = cut.Find("[data-questions] [data-question-deadlines]").TextContent;
        Assert.Contains($"General questions by {UkDates.Long(BankHolidays.AddWorkingDays(date, -10))}", deadlines);
        Assert.Contains($"by 5pm on {UkDates.Long(BankHolidays.AddWorkingDays(published, 2))}", deadlines);
        Assert.Contains(UkDates.Long(published), cut.Find("[data-agenda-published]").TextContent);

        Assert.True((await SaveAsync("admin", id, Question(UkDates.Short(date.AddDays(-1)), "09:00"))).Succeeded);

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-questions-log] tr[data-question]");
            Assert.Contains("Cllr Kate Lymer", row.TextContent);
            Assert.Equal("Late", row.QuerySelector("[data-late]")!.TextContent.Trim());
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ForwardPlan_PublishedAgenda_BothQuestionDeadlines()
    {
        var (id, _, published) = await MeetingAsync(65);
        await SignInAsAsync("member");
        var cut = Render<ForwardPlan>();
        cut.WaitForElement("[data-forward-plan]");
        var row = cut.Find($"[data-forward-plan] a[href='/meetings/{id}']").Closest("tr")!;
        Assert.Contains($"Questions on agenda reports by 5pm on {UkDates.Long(BankHolidays.AddWorkingDays(published, 2))}", row.TextContent);
    }

    [Fact]
    public async Task DeleteAsync_NotTheClerkOrStale_RefusedAndKept()
    {
        var (id, date, _) = await MeetingAsync(66);
        var saved = await SaveAsync("admin", id, Question(UkDates.Short(date.AddDays(-20)), "09:00"));
        foreach (var account in new[] { "chair", "lead", "member" })
        {
            var (scope, questions) = await AsAsync<QuestionsService>(account);
            await using (scope) Assert.Equal("Only the clerk (an administrator) can delete questions", (await questions.DeleteAsync(id, saved.Id, saved.Version)).Denied);
        }
        var (clerkScope, clerk) = await AsAsync<QuestionsService>("admin");
        await using (clerkScope)
        {
            Assert.NotNull((await clerk.DeleteAsync(id, saved.Id, saved.Version - 1)).Conflict);
            Assert.True((await clerk.DeleteAsync(id + 100000, saved.Id, saved.Version)).NotFound);
        }
        Assert.True(await App.WithDbAsync(db => db.MeetingQuestions.AnyAsync(q => q.Id == saved.Id)));
    }

    [Fact]
    public async Task DeleteAsync_Clerk_DeletedAuditedAndGoneLiveForOthers()
    {
        var (id, date, _) = await MeetingAsync(67);
        var saved = await SaveAsync("admin", id, Question(UkDates.Short(date.AddDays(-20)), "09:00"));
        await SignInAsAsync("member");
        var cut = Render<MeetingPackPage>(p => p.Add(c => c.Id, id));
        cut.WaitForElement($"[data-questions-log] tr[data-question='{saved.Id}']");
        Assert.Empty(cut.FindAll("[data-delete-question]"));

        var (scope, clerk) = await AsAsync<QuestionsService>("admin");
        await using (scope) Assert.True((await clerk.DeleteAsync(id, saved.Id, saved.Version)).Succeeded);

        cut.WaitForAssertion(() => Assert.Contains("No questions have been received.", cut.Find("[data-questions]").TextContent), TimeSpan.FromSeconds(5));
        Assert.False(await App.WithDbAsync(db => db.MeetingQuestions.AnyAsync(q => q.Id == saved.Id)));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Include(a => a.Changes)
            .SingleAsync(a => a.EntityType == nameof(MeetingQuestion) && a.EntityKey == saved.Id.ToString() && a.Action == "Deleted"));
        Assert.Equal("Amanda Mumford", audit.UserName);
        Assert.Contains(audit.Changes, c => c.Property == nameof(MeetingQuestion.AskedBy) && c.OldValue == "Cllr Kate Lymer" && c.NewValue == null);
    }

    [Fact]
    public async Task QuestionsLog_ClerkDeletesAfterConfirming_RowGoes()
    {
        var (id, date, _) = await MeetingAsync(68);
        var saved = await SaveAsync("admin", id, Question(UkDates.Short(date.AddDays(-20)), "09:00"));
        await SignInAsAsync("admin");
        var host = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<QuestionsLogSection>(p => p.Add(c => c.MeetingId, id));
        cut.WaitForElement($"[data-delete-question='{saved.Id}']");

        _ = cut.Find($"[data-delete-question='{saved.Id}']").ClickAsync(new()); // its handler waits for the confirmation
        host.WaitForAssertion(() => Assert.Contains("Delete the question from Cllr Kate Lymer", host.Markup));
        await host.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tr[data-question]")), TimeSpan.FromSeconds(5));
        Assert.False(await App.WithDbAsync(db => db.MeetingQuestions.AnyAsync(q => q.Id == saved.Id)));
    }
}
