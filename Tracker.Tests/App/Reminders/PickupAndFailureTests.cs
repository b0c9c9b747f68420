using Bunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Tracker.App.Features.Reminders;
using Tracker.Domain.Reminders;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Reminders;

/// <summary>The default mode: each message written as an .eml file to the pickup folder.</summary>
public sealed class PickupAppFactory : ReminderAppFactory
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "tracker-tests", "mail-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureEmail(IWebHostBuilder builder)
    {
        // Email:Mode is not set: Pickup is the default.
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(PickupDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>SMTP pointed at a port where nothing listens: every send fails.</summary>
public sealed class FailingSmtpAppFactory : ReminderAppFactory
{
    protected override void ConfigureEmail(IWebHostBuilder builder)
    {
        builder.UseSetting("Email:Mode", "Smtp");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", FreePort().ToString());
        builder.UseSetting("Email:Smtp:UseTls", "false");
    }
}

public sealed class PickupModeTests(PickupAppFactory app) : IClassFixture<PickupAppFactory>
{
    [Fact]
    public async Task SendDue_PickupMode_WritesParseableEmlFiles()
    {
        await app.ResetAsync();
        var meeting = await app.NextMeetingAsync();
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        var summary = await app.SendDueAsync();

        var files = Directory.GetFiles(app.PickupDirectory, "*.eml");
        Assert.True(summary.Sent > 0);
        Assert.Equal(summary.Sent, files.Length);
        Assert.Equal(0, app.Smtp.ReceivedEmailCount);
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        Assert.All(messages, m =>
        {
            Assert.StartsWith("Safer Bromley Partnership", m.Subject);
            Assert.False(string.IsNullOrWhiteSpace(m.TextBody));
            Assert.Contains("<html lang=\"en-GB\">", m.HtmlBody);
            Assert.Contains(ReminderAppFactory.BaseUrl + "/", m.TextBody);
        });
        Assert.Contains(messages, m => m.To.Mailboxes.Single().Address == "lead@example.org");
    }
}

/// <summary>A failed send is recorded, retried with back-off, shown to administrators, and never thrown to the caller.</summary>
public sealed class FailedSendTests(FailingSmtpAppFactory app) : ComponentTestContext(app), IClassFixture<FailingSmtpAppFactory>
{
    FailingSmtpAppFactory Failing => (FailingSmtpAppFactory)App;

    [Fact]
    public async Task FailedSend_RecordedRetriedWithBackOff_ShownToAdministrators()
    {
        await Failing.ResetAsync();
        var meeting = await Failing.NextMeetingAsync();
        Failing.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));

        var first = await Failing.SendDueAsync();

        Assert.Equal(0, first.Sent);
        Assert.True(first.Failed > 0);
        var failed = await App.WithDbAsync(db => db.ReminderMessages.ToListAsync());
        Assert.Equal(first.Failed, failed.Count);
        Assert.All(failed, m =>
        {
            Assert.Equal((ReminderMessageStatus.Failed, 1), (m.Status, m.Attempts));
            Assert.False(string.IsNullOrWhiteSpace(m.LastError));
            Assert.Equal(Failing.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), m.NextAttemptAt);
        });

        // Nothing is claimed twice, and nothing is retried before its time.
        var again = await Failing.SendDueAsync();
        Assert.Equal((0, 0), (again.Sent, again.Failed));
        Assert.Equal(failed.Count, await App.WithDbAsync(db => db.ReminderMessages.CountAsync()));

        // After the back-off, each is tried again and waits longer next time.
        Failing.Clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await Failing.SendDueAsync();
        Assert.Equal(failed.Count, retried.Failed);
        var after = await App.WithDbAsync(db => db.ReminderMessages.ToListAsync());
        Assert.All(after, m => Assert.Equal((ReminderMessageStatus.Failed, 2), (m.Status, m.Attempts)));
        Assert.All(after, m => Assert.Equal(Failing.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), m.NextAttemptAt));

        // The administrators' page lists them as failed, with the error and a retry button.
        await SignInAsAsync("admin");
        var cut = Render<RemindersAdminPage>();
        cut.WaitForAssertion(() => Assert.Equal(after.Count, cut.FindAll("tr[data-status=Failed]").Count));
        Assert.Contains("Failed, will retry", cut.Find("tr[data-status=Failed]").TextContent);
        Assert.Contains("2 attempts", cut.Find("tr[data-status=Failed]").TextContent);
        Assert.Contains(after[0].LastError!, cut.Markup.Replace("&#x27;", "'").Replace("&quot;", "\""));
        Assert.Equal(after.Count, cut.FindAll("tr[data-status=Failed] button").Count);

        // Retrying by hand fails again, recorded, without an error on the page.
        await cut.Find("tr[data-status=Failed] button").ClickAsync();
        cut.WaitForAssertion(() => Assert.Contains("3 attempts", cut.Markup));
    }

    [Fact]
    public async Task Chase_MailServerDown_ReturnsFailedNeverThrows()
    {
        await Failing.ResetAsync();
        await SignInAsAsync("admin");

        var result = await Circuit<ReminderService>().ChaseAllOutstandingAsync();

        Assert.Equal(0, result.Sent);
        if (result.Failed > 0) Assert.Contains("will be retried", result.Message);
    }
}
