using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tracker.App.Data;
using Tracker.App.Features.Reminders;
using Tracker.App.Hosting;
using Tracker.Domain.Common;
using Tracker.Domain.Reminders;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.App.Reminders;

/// <summary>The scheduled reminders as real email, received by an in-process SMTP server.</summary>
[Collection(ReminderCollection.Name)]
public sealed class ReminderEmailTests(ReminderAppFactory app) : IAsyncLifetime
{
    const string Lead = "lead@example.org"; // Peter Sibley (PS), lead of the ASB and Envirocrime Sub-Group

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    static string DayMonth(DateOnly d) => d.ToString("d MMMM", CultureInfo.GetCultureInfo("en-GB"));

    static bool IsActionReminder(MimeMessage m) =>
        System.Text.RegularExpressions.Regex.IsMatch(m.Subject ?? "", @"^Safer Bromley Partnership: \d+ action updates? due by");

    static string Subjects(IEnumerable<MimeMessage> mails) => string.Join("\n", mails.Select(m => $"{m.To} | {m.Subject}"));

    static bool IsTo(MimeMessage m, string address) =>
        m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>Makes one of the person's actions outstanding for the quarter (its updates for it removed); returns its id.</summary>
    async Task<int> MakeOutstandingAsync(string initials, FinancialQuarter quarter)
    {
        var person = await app.PersonIdAsync(initials);
        return await app.WithDbAsync(async db =>
        {
            var id = await db.StrategyActions.Where(a => !a.IsRetired && !a.Objective!.IsRetired && !a.Objective.Priority!.IsRetired
                    && !a.Objective.Priority.Strategy!.IsRetired
                    && (a.Owners.Any(o => o.PersonId == person) || a.OwningGroup!.Members.Any(m => m.PersonId == person && m.IsLead)))
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await db.QuarterlyUpdates.Where(u => u.ActionId == id && u.Year == quarter.Year && u.Quarter == quarter.Quarter).ExecuteDeleteAsync();
            return id;
        });
    }

    /// <summary>Records an update for the quarter on every action the person owns or leads.</summary>
    async Task UpdateAllAsync(string initials, FinancialQuarter quarter)
    {
        var person = await app.PersonIdAsync(initials);
        await app.WithDbAsync(async db =>
        {
            var ids = await db.StrategyActions
                .Where(a => a.Owners.Any(o => o.PersonId == person) || a.OwningGroup!.Members.Any(m => m.PersonId == person && m.IsLead))
                .Where(a => !a.Updates.Any(u => u.Year == quarter.Year && u.Quarter == quarter.Quarter))
                .Select(a => a.Id).ToListAsync();
            foreach (var id in ids)
                db.QuarterlyUpdates.Add(new QuarterlyUpdate { ActionId = id, Year = quarter.Year, Quarter = quarter.Quarter, Rag = RagStatus.Green,
                    Narrative = "On track.", AuthorName = "Test", RecordedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task SendDue_SevenDaysBeforeDeadline_LeadGetsOutstandingActionsWithLinks_SecondRunSendsNothingNew()
    {
        var meeting = await app.NextMeetingAsync();
        var quarter = FinancialQuarter.ReviewedBy(meeting.PapersDeadline);
        var actionId = await MakeOutstandingAsync("PS", quarter);
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        var first = await app.SendDueAsync();

        Assert.True(first.Sent > 0);
        Assert.Equal(0, first.Failed);
        Assert.True(app.Received().Count(m => IsTo(m, Lead) && IsActionReminder(m)) == 1, Subjects(app.Received()));
        var mail = Assert.Single(app.Received(), m => IsTo(m, Lead) && IsActionReminder(m));
        Assert.Matches($@"^Safer Bromley Partnership: \d+ action updates? due by {DayMonth(meeting.PapersDeadline)}$", mail.Subject);
        var link = $"{ReminderAppFactory.BaseUrl}/actions/{actionId}/update?year={quarter.Year}&quarter={quarter.Quarter}";
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link.Replace("&", "&amp;")}\"", mail.HtmlBody);
        Assert.Contains(UkDates.Long(meeting.PapersDeadline), mail.TextBody);
        Assert.Contains($"Strategic Group on {UkDates.Long(meeting.Date)}", mail.TextBody);
        Assert.Contains(quarter.Label, mail.TextBody);
        Assert.Equal("Peter Sibley", mail.To.Mailboxes.Single().Name);
        Assert.Equal("tracker@bromley.example", mail.From.Mailboxes.Single().Address);
        // Plain and accessible: a text part and an HTML part, no images (no tracking pixels), an unsubscribe link.
        Assert.NotNull(mail.TextBody);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lang=\"en-GB\"", mail.HtmlBody);
        Assert.StartsWith($"<{ReminderAppFactory.BaseUrl}/reminders/unsubscribe?token=", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        var received = app.Smtp.ReceivedEmailCount;
        var second = await app.SendDueAsync();
        Assert.Equal(0, second.Sent);
        Assert.Equal(received, app.Smtp.ReceivedEmailCount);

        // Two days before: the second reminder, once.
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-2));
        await app.SendDueAsync();
        Assert.Equal(2, app.Received().Count(m => IsTo(m, Lead) && IsActionReminder(m)));
        await app.SendDueAsync();
        Assert.Equal(2, app.Received().Count(m => IsTo(m, Lead) && IsActionReminder(m)));

        // Recorded: who, what, when, one record per person, kind, subject and occasion.
        var records = await app.WithDbAsync(db => db.ReminderRecords.Where(r => r.Kind == ReminderKind.ActionUpdates && r.About == $"meeting:{meeting.Id}")
            .Select(r => new { r.PersonId, r.Occasion }).ToListAsync());
        var ps = await app.PersonIdAsync("PS");
        Assert.Equal(["2d", "7d"], records.Where(r => r.PersonId == ps).Select(r => r.Occasion).Order());
    }

    [Fact]
    public async Task SendDue_AllActionsUpdated_NoActionReminder()
    {
        var meeting = await app.NextMeetingAsync();
        var quarter = FinancialQuarter.ReviewedBy(meeting.PapersDeadline);
        await UpdateAllAsync("PS", quarter);
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        await app.SendDueAsync();

        Assert.DoesNotContain(app.Received(), m => IsTo(m, Lead) && IsActionReminder(m));
    }

    [Fact]
    public async Task SendDue_OutsideTheWindow_NoActionReminders()
    {
        var meeting = await app.NextMeetingAsync();
        await MakeOutstandingAsync("PS", FinancialQuarter.ReviewedBy(meeting.PapersDeadline));
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-8));

        await app.SendDueAsync();

        Assert.DoesNotContain(app.Received(), m => IsActionReminder(m));
    }

    [Fact]
    public async Task SendDue_RiskReviewDueWithinFourteenDays_GroupLeadReminded_ThenOnceMoreWhenOverdue()
    {
        var meeting = await app.NextMeetingAsync();
        var day = meeting.PapersDeadline.AddDays(-20);
        app.Clock.SetLondonDay(day);
        var asb = await app.WithDbAsync(db => db.Groups.Where(g => g.ShortName == "ASB and Envirocrime").Select(g => g.Id).SingleAsync());
        var risk = await app.WithDbAsync(async db =>
        {
            var r = await db.Risks.OrderBy(r => r.Id).FirstAsync(r => r.Status == Tracker.Domain.Risks.RiskStatus.Open);
            await db.Risks.Where(x => x.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerGroupId, asb).SetProperty(x => x.NextReviewDate, day.AddDays(5)));
            return new { r.Id, r.Reference };
        });

        await app.SendDueAsync();

        var mail = Assert.Single(app.Received(), m => IsTo(m, Lead) && m.Subject!.Contains("risk review"));
        Assert.Matches(@"^Safer Bromley Partnership: \d+ risk reviews? (due by \d+ \w+|overdue)$", mail.Subject);
        Assert.Contains($"{ReminderAppFactory.BaseUrl}/risks/{risk.Id}", mail.TextBody);
        Assert.Contains($"Review due by {UkDates.Long(day.AddDays(5))}", mail.TextBody);

        await app.SendDueAsync();
        Assert.Single(app.Received(), m => IsTo(m, Lead) && m.Subject!.Contains("risk review"));

        app.Clock.SetLondonDay(day.AddDays(6));
        await app.SendDueAsync();
        var overdue = app.Received().Where(m => IsTo(m, Lead) && m.Subject!.Contains("risk review")).ToList();
        Assert.Equal(2, overdue.Count);
        Assert.Contains(overdue, m => m.TextBody!.Contains($"Review overdue since {UkDates.Long(day.AddDays(5))}"));
    }

    [Fact]
    public async Task SendDue_SubGroupReportNotFiled_LeadWithoutAccountRemindedAtPersonsEmail()
    {
        // Rachel Dunley (RD) leads the Domestic Abuse and VAWG Sub-Group and has no account: her person's email is used.
        await app.WithDbAsync(db => db.People.Where(p => p.Initials == "RD").ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, "rachel.dunley@bromley.example")));
        var meeting = await app.NextMeetingAsync();
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        await app.SendDueAsync();

        var mail = Assert.Single(app.Received(), m => IsTo(m, "rachel.dunley@bromley.example") && m.Subject!.Contains("report due"));
        Assert.Equal($"Safer Bromley Partnership: Domestic Abuse and VAWG report due by {DayMonth(meeting.PapersDeadline)}", mail.Subject);
        var group = await app.WithDbAsync(db => db.Groups.Where(g => g.ShortName == "Domestic Abuse and VAWG").Select(g => g.Id).SingleAsync());
        Assert.Contains($"{ReminderAppFactory.BaseUrl}/meetings/{meeting.Id}/sub-group-reports/{group}", mail.TextBody);
        // The ASB and Envirocrime report is filed: its lead gets no report reminder.
        Assert.DoesNotContain(app.Received(), m => IsTo(m, Lead) && m.Subject!.Contains("report due"));
    }

    [Fact]
    public async Task SendDue_OpenMattersDueByNextMeeting_OwnersReminded()
    {
        var meeting = await app.NextMeetingAsync();
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));
        var pspo = await app.WithDbAsync(db => db.MattersArising
            .Where(m => m.Status == Tracker.Domain.Meetings.MatterStatus.Open && m.Owners == "PS").Select(m => m.Id).FirstAsync());

        await app.SendDueAsync();

        var mail = Assert.Single(app.Received(), m => IsTo(m, Lead) && m.Subject!.Contains("matter"));
        Assert.Matches($@"^Safer Bromley Partnership: \d+ matters? arising to update by {DayMonth(meeting.PapersDeadline)}$", mail.Subject);
        Assert.Contains($"{ReminderAppFactory.BaseUrl}/matters-arising/{pspo}", mail.TextBody);
    }

    [Fact]
    public async Task SendDue_WeeklyDigest_ChairAndClerk_OncePerWeek()
    {
        var meeting = await app.NextMeetingAsync();
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        await app.SendDueAsync();
        await app.SendDueAsync();

        var digests = app.Received().Where(m => m.Subject!.StartsWith("Safer Bromley Partnership weekly digest")).ToList();
        Assert.Equal(["admin@example.org", "chair@example.org"], digests.Select(m => m.To.Mailboxes.Single().Address).Order());
        var text = digests[0].TextBody;
        Assert.Contains("Completeness", text);
        Assert.Contains("Risks above appetite or overdue for review", text);
        Assert.Contains("Matters arising overdue", text);
        Assert.Contains("What changed since", text);
        Assert.Contains($"papers due by {DayMonth(meeting.PapersDeadline)}", digests[0].Subject);
    }

    [Fact]
    public async Task SendDue_PersonTurnedActionRemindersOff_NoneSentToThem_OthersStillSent()
    {
        var meeting = await app.NextMeetingAsync();
        await MakeOutstandingAsync("PS", FinancialQuarter.ReviewedBy(meeting.PapersDeadline));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReminderPreferencesService>()
                .SetAsync(await app.PersonIdAsync("PS"), ReminderKind.ActionUpdates, false, "Test");
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        await app.SendDueAsync();

        Assert.DoesNotContain(app.Received(), m => IsTo(m, Lead) && IsActionReminder(m));
        Assert.Contains(app.Received(), m => IsTo(m, Lead) && m.Subject!.Contains("matter"));
    }

    [Fact]
    public async Task SendRemindersCommand_PrintsHowManyWereSent()
    {
        var meeting = await app.NextMeetingAsync();
        await MakeOutstandingAsync("PS", FinancialQuarter.ReviewedBy(meeting.PapersDeadline));
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));
        var output = new StringWriter();

        var exit = await StartupTasks.SendRemindersCommandAsync(app.Services, output);

        Assert.Equal(0, exit);
        var count = app.Smtp.ReceivedEmailCount;
        Assert.True(count > 1);
        Assert.Equal($"Sent {count} reminders.", output.ToString().Trim());

        output = new StringWriter();
        await StartupTasks.SendRemindersCommandAsync(app.Services, output);
        Assert.Equal("Sent 0 reminders.", output.ToString().Trim());
    }

    [Fact]
    public async Task ClaimRace_TwoRunsAtOnce_EachReminderSentOnce()
    {
        var meeting = await app.NextMeetingAsync();
        await MakeOutstandingAsync("PS", FinancialQuarter.ReviewedBy(meeting.PapersDeadline));
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        // Two instances (or the command line beside the app) running at the same moment.
        var runs = await Task.WhenAll(app.SendDueAsync(), app.SendDueAsync());

        Assert.Equal(0, runs.Sum(r => r.Failed));
        var sent = app.Received();
        Assert.Equal(runs.Sum(r => r.Sent), sent.Count);
        Assert.Equal(sent.Count, sent.Select(m => (m.To.ToString(), m.Subject)).Distinct().Count());
    }
}
