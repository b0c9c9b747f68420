using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Reminders;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Reminders;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Reminders;

/// <summary>The Chase button, on its own and on the completeness board, and the profile page's reminder choices.</summary>
[Collection(ReminderCollection.Name)]
public sealed class ReminderComponentTests(ReminderAppFactory app) : ComponentTestContext(app), IAsyncLifetime
{
    ReminderAppFactory Reminders => (ReminderAppFactory)App;

    async Task<int> MakeOutstandingAsync(int person)
    {
        var meeting = await Reminders.NextMeetingAsync();
        var q = FinancialQuarter.ReviewedBy(meeting.PapersDeadline);
        // Outside the scheduled window: only a chase sends.
        Reminders.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-10));
        return await App.WithDbAsync(async db =>
        {
            var id = await db.StrategyActions.Where(a => !a.IsRetired && !a.Objective!.IsRetired
                    && (a.Owners.Any(o => o.PersonId == person) || a.OwningGroup!.Members.Any(m => m.PersonId == person && m.IsLead)))
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await db.QuarterlyUpdates.Where(u => u.ActionId == id && u.Year == q.Year && u.Quarter == q.Quarter).ExecuteDeleteAsync();
            return id;
        });
    }

    Task IAsyncLifetime.InitializeAsync() => Reminders.ResetAsync();

    [Fact]
    public async Task ChaseButton_Clerk_SendsTheLeadReminderNowAndShowsWhenLastReminded()
    {
        var ps = await Reminders.PersonIdAsync("PS");
        var action = await MakeOutstandingAsync(ps);
        await SignInAsAsync("admin");

        var cut = Render<ChaseButton>(p => p.Add(c => c.PersonId, ps).Add(c => c.PersonName, "Peter Sibley"));
        cut.WaitForAssertion(() => Assert.Equal("Not reminded yet", cut.Find("[data-last-reminded]").TextContent));
        Assert.Equal("Chase Peter Sibley", cut.Find("button").TextContent.Trim().Replace("  ", " "));
        await cut.Find("button").ClickAsync();

        cut.WaitForAssertion(() => Assert.StartsWith("Last reminded ", cut.Find("[data-last-reminded]").TextContent));
        Assert.Equal("Sent 1 reminder.", cut.Find("[data-chase-result]").TextContent);
        var mail = Assert.Single(Reminders.Received());
        Assert.Equal("lead@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Matches(@"^Safer Bromley Partnership: \d+ action updates? due by \d+ \w+$", mail.Subject);
        Assert.Contains($"/actions/{action}/update", mail.TextBody);
        var sent = await App.WithDbAsync(db => db.ReminderMessages.Where(m => m.PersonId == ps).SingleAsync());
        Assert.Equal(("Amanda Mumford", ReminderMessageStatus.Sent, ReminderKind.ActionUpdates), (sent.TriggeredBy, sent.Status, sent.Kind));
        var records = await App.WithDbAsync(db => db.ReminderRecords.Where(r => r.MessageId == sent.Id).ToListAsync());
        Assert.StartsWith("chase:", Assert.Single(records).Occasion);

        // Chasing again sends again (a chase is the clerk's explicit request), and "last reminded" follows.
        Reminders.Clock.Advance(TimeSpan.FromHours(1));
        await cut.Find("button").ClickAsync();
        cut.WaitForAssertion(() => Assert.Equal(2, Reminders.Smtp.ReceivedEmailCount));
    }

    [Fact]
    public async Task ChaseButton_All_SendsEveryLeadWithActionsOutstanding()
    {
        var ps = await Reminders.PersonIdAsync("PS");
        await MakeOutstandingAsync(ps);
        await SignInAsAsync("admin");

        var cut = Render<ChaseButton>(p => p.Add(c => c.All, true));
        Assert.Equal("Chase all outstanding", cut.Find("button").TextContent.Trim());
        await cut.Find("button").ClickAsync();

        cut.WaitForAssertion(() => Assert.StartsWith("Sent ", cut.Find("[data-chase-result]").TextContent));
        Assert.Contains(Reminders.Received(), m => m.To.Mailboxes.Single().Address == "lead@example.org");
        Assert.All(Reminders.Received(), m => Assert.Contains("action update", m.Subject));
    }

    [Theory]
    [InlineData("member")]
    [InlineData("chair")] // the chair signs off the quarter; chasing is the clerk's
    public async Task ChaseButton_NotTheClerk_NotShown_AndServiceRefuses(string account)
    {
        await SignInAsAsync(account);
        var cut = Render<ChaseButton>(p => p.Add(c => c.All, true));
        Assert.Empty(cut.FindAll("button"));

        var result = await Circuit<ReminderService>().ChaseAllOutstandingAsync();
        Assert.Equal("Only the clerk (an administrator) can chase leads.", result.Denied);
        var one = await Circuit<ReminderService>().ChaseLeadAsync(await Reminders.PersonIdAsync("PS"));
        Assert.NotNull(one.Denied);
        Assert.Equal(0, Reminders.Smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task CompletenessBoard_Clerk_ChaseALeadSendsAndShowsLastReminded()
    {
        var ps = await Reminders.PersonIdAsync("PS");
        await MakeOutstandingAsync(ps);
        await SignInAsAsync("admin");

        var cut = Render<CompletenessPage>();
        var cell = "[data-completeness=lead] tr[data-row='Peter Sibley'] [data-chase-cell]";
        cut.WaitForAssertion(() => Assert.Equal("Not reminded yet", cut.Find($"{cell} [data-last-reminded]").TextContent));
        Assert.Equal("Chase all outstanding", cut.Find("[data-chase-all] button").TextContent.Trim());
        Assert.Equal("Reminder", cut.FindAll("[data-completeness=lead] thead th")[^1].TextContent);
        await cut.Find($"{cell} button").ClickAsync();

        cut.WaitForAssertion(() => Assert.StartsWith("Last reminded ", cut.Find($"{cell} [data-last-reminded]").TextContent));
        Assert.Equal("Sent 1 reminder.", cut.Find($"{cell} [data-chase-result]").TextContent);
        var mail = Assert.Single(Reminders.Received());
        Assert.Equal("lead@example.org", mail.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task CompletenessBoard_Chair_NoChase()
    {
        await SignInAsAsync("chair");

        var cut = Render<CompletenessPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-completeness=lead] tbody tr")));
        Assert.Empty(cut.FindAll("[data-chase-all]"));
        Assert.Empty(cut.FindAll("[data-chase-cell]"));
        Assert.DoesNotContain("Reminder", cut.Find("[data-completeness=lead] thead").TextContent);
    }

    [Fact]
    public async Task ChaseLead_OptedOut_NotSentAndSaysWhy()
    {
        var ps = await Reminders.PersonIdAsync("PS");
        await MakeOutstandingAsync(ps);
        await Circuit<ReminderPreferencesService>().SetAsync(ps, ReminderKind.ActionUpdates, false, "Test");
        await SignInAsAsync("admin");

        var result = await Circuit<ReminderService>().ChaseLeadAsync(ps);

        Assert.Equal(0, result.Sent);
        Assert.Equal("Not sent: Peter Sibley has turned off action update reminders.", result.Message);
        Assert.Equal(0, Reminders.Smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task PreferencesPage_AllOnByDefault_TurningOneOffIsSavedForTheSignedInPerson()
    {
        await SignInAsAsync("lead");
        var cut = Render<ReminderPreferencesPage>();

        cut.WaitForAssertion(() => Assert.Equal(ReminderKinds.All.Count, cut.FindAll("[data-kind] input[type=checkbox]").Count));
        Assert.All(cut.FindAll("[data-kind] input[type=checkbox]"), i => Assert.True(i.HasAttribute("checked") || i.GetAttribute("aria-checked") == "true"));
        Assert.Contains("Risk reviews due or overdue", cut.Find("[data-kind=RiskReviews]").TextContent);

        await cut.Find("[data-kind=RiskReviews] input[type=checkbox]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = false });

        var ps = await Reminders.PersonIdAsync("PS");
        cut.WaitForAssertion(() =>
        {
            var stored = App.WithDbAsync(db => db.ReminderPreferences.Where(p => p.PersonId == ps).Select(p => new { p.Kind, p.Enabled, p.ChangedBy }).ToListAsync()).Result;
            var row = Assert.Single(stored);
            Assert.Equal((ReminderKind.RiskReviews, false, "Peter Sibley"), (row.Kind, row.Enabled, row.ChangedBy));
        });
    }
}
