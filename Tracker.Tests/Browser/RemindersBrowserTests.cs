using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Tracker.App.Features.Reminders;
using Tracker.Domain.Reminders;
using Tracker.Tests.Support;

namespace Tracker.Tests.Browser;

/// <summary>The reminder pages and the clerk's Chase in Chromium: accessible at 1280 and 390 px wide, and the choices work by keyboard and mouse.</summary>
[Collection(MeetingsBrowserCollection.Name)]
public sealed class RemindersBrowserTests(BrowserFixture browser)
{
    async Task SeedFailedReminderAsync()
    {
        var ps = await browser.App.WithDbAsync(db => db.People.Where(p => p.Initials == "PS").Select(p => p.Id).SingleAsync());
        await browser.App.WithDbAsync(async db =>
        {
            if (await db.ReminderMessages.AnyAsync(m => m.Status == ReminderMessageStatus.Failed)) return 0;
            var now = DateTimeOffset.UtcNow;
            db.ReminderMessages.Add(new ReminderMessage
            {
                PersonId = ps, Kind = ReminderKind.ActionUpdates, To = "lead@example.org",
                Subject = "Safer Bromley Partnership: 2 action updates due by 17 December", TextBody = "Dear Peter Sibley,", HtmlBody = "<p>Dear Peter Sibley,</p>",
                Status = ReminderMessageStatus.Failed, Attempts = 2, CreatedAt = now, NextAttemptAt = now.AddMinutes(5),
                LastError = "Connection refused 127.0.0.1:25", TriggeredBy = "Schedule",
            });
            return await db.SaveChangesAsync();
        });
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task AdminReminders_NoAxeViolations(int width, int height)
    {
        await SeedFailedReminderAsync();
        var page = await browser.SignedInPageAsync("admin", width, height);
        await page.OpenAsync("/admin/reminders");
        await Assertions.Expect(page.Locator("tr[data-status=Failed]").First).ToContainTextAsync("Failed, will retry");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task YourReminders_NoAxeViolations_AndTurningOneOffIsSaved(int width, int height)
    {
        var page = await browser.SignedInPageAsync("member", width, height);
        await page.OpenAsync("/account/reminders");
        await page.AssertNoAxeViolationsAsync();

        var sb = await browser.App.WithDbAsync(db => db.People.Where(p => p.Initials == "SB").Select(p => p.Id).SingleAsync());
        var box = page.Locator("[data-kind=WeeklyDigest] input[type=checkbox]");
        var before = await box.IsCheckedAsync();
        await box.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("the weekly digest");
        var stored = await browser.App.WithDbAsync(db => db.ReminderPreferences.Where(p => p.PersonId == sb && p.Kind == ReminderKind.WeeklyDigest)
            .Select(p => (bool?)p.Enabled).SingleOrDefaultAsync());
        Assert.Equal(!before, stored);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task CompletenessBoard_ClerkPressesChase_LastRemindedShownAndTheEmailWritten(int width, int height)
    {
        // The browser tests' app writes email to its pickup folder (the default mode).
        var pickup = Assert.IsType<PickupEmailSender>(browser.App.Services.GetRequiredService<IEmailSender>()).Directory;
        var before = Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").ToHashSet() : [];
        var page = await browser.SignedInPageAsync("admin", width, height);
        await page.OpenAsync("/actions/completeness");
        var row = page.Locator("[data-completeness=lead] tr[data-row='Peter Sibley']");
        await Assertions.Expect(row.Locator("[data-last-reminded]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-chase-all] button")).ToHaveTextAsync("Chase all outstanding");
        await page.AssertNoAxeViolationsAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Chase Peter Sibley" }).ClickAsync();

        await Assertions.Expect(row.Locator("[data-last-reminded]")).ToContainTextAsync("Last reminded ");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Sent 1 reminder.");
        var written = Directory.GetFiles(pickup, "*.eml").Where(f => !before.Contains(f)).Select(f => MimeMessage.Load(f)).ToList();
        var mail = Assert.Single(written, m => m.To.Mailboxes.Any(a => a.Address == "lead@example.org"));
        Assert.Matches(@"^Safer Bromley Partnership: \d+ action updates? due by \d+ \w+$", mail.Subject);
        // Axe with the confirmation showing, once it has faded in (mid-fade its colours are blended).
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(e => getComputedStyle(e).opacity === '1')");
        await page.AssertNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }
}
