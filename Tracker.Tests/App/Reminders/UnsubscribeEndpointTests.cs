using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Reminders;
using Tracker.Domain.Reminders;

namespace Tracker.Tests.App.Reminders;

/// <summary>
/// The unsubscribe link: the one endpoint that works without signing in, and only for the person and
/// kind of reminder its signed token names.
/// </summary>
[Collection(ReminderCollection.Name)]
public sealed class UnsubscribeEndpointTests(ReminderAppFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    string Token(int personId, ReminderKind kind) => app.Services.GetRequiredService<UnsubscribeTokens>().Create(personId, kind);

    Task<List<(int PersonId, ReminderKind Kind, bool Enabled)>> PreferencesAsync() =>
        app.WithDbAsync(async db => (await db.ReminderPreferences.Select(p => new { p.PersonId, p.Kind, p.Enabled }).ToListAsync())
            .Select(p => (p.PersonId, p.Kind, p.Enabled)).ToList());

    static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["token"] = token });

    [Fact]
    public async Task Get_ValidTokenSignedOut_ShowsConfirmationAndChangesNothing()
    {
        var ps = await app.PersonIdAsync("PS");
        var client = app.CreatePlainClient();

        var response = await client.GetAsync($"{ReminderEndpoints.UnsubscribePath}?token={Uri.EscapeDataString(Token(ps, ReminderKind.RiskReviews))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This stops risk review reminders for Peter Sibley.", html);
        Assert.Contains("<form method=\"post\"", html);
        Assert.Empty(await PreferencesAsync());
    }

    [Fact]
    public async Task Post_ValidTokenSignedOut_TurnsOffThatKindForThatPersonOnly()
    {
        var ps = await app.PersonIdAsync("PS");
        var client = app.CreatePlainClient();

        var response = await client.PostAsync(ReminderEndpoints.UnsubscribePath, Form(Token(ps, ReminderKind.RiskReviews)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You will no longer get risk review reminders.", await response.Content.ReadAsStringAsync());
        Assert.Equal([(ps, ReminderKind.RiskReviews, false)], await PreferencesAsync());
    }

    [Fact]
    public async Task TamperedToken_Refused_NothingChanged()
    {
        var token = Token(await app.PersonIdAsync("PS"), ReminderKind.ActionUpdates);
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var client = app.CreatePlainClient();

        var get = await client.GetAsync($"{ReminderEndpoints.UnsubscribePath}?token={Uri.EscapeDataString(tampered)}");
        var post = await client.PostAsync(ReminderEndpoints.UnsubscribePath, Form(tampered));
        var forged = await client.PostAsync(ReminderEndpoints.UnsubscribePath, Form("1:1"));

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("The unsubscribe link is not valid", await post.Content.ReadAsStringAsync());
        Assert.Empty(await PreferencesAsync());
    }

    [Fact]
    public async Task OneClickFromTheEmailsHeader_ThenNoMoreOfThatKind()
    {
        var meeting = await app.NextMeetingAsync();
        app.Clock.SetLondonDay(meeting.PapersDeadline.AddDays(-7));
        await app.SendDueAsync();
        var mail = app.Received().First(m => m.To.Mailboxes.Single().Address == "lead@example.org" && m.Subject!.Contains("matter"));
        var url = mail.Headers["List-Unsubscribe"]!.Trim('<', '>').Replace(ReminderAppFactory.BaseUrl, "");

        // RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the header's address.
        var response = await app.CreatePlainClient().PostAsync(url,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(await app.PersonIdAsync("PS"), ReminderKind.MattersArising, false)], await PreferencesAsync());
    }

    [Fact]
    public async Task EveryOtherReminderPage_StillRequiresSignIn()
    {
        var client = app.CreatePlainClient();
        foreach (var path in new[] { "/account/reminders", "/admin/reminders" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }
}
