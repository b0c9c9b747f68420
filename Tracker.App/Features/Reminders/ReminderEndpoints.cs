using System.Net;
using Tracker.App.Data;
using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Reminders;

namespace Tracker.App.Features.Reminders;

/// <summary>
/// The unsubscribe link from an email. THE ONE EXCEPTION to "every endpoint requires sign-in": it
/// works signed out, but only for the one person and kind of reminder named in its signed, encrypted
/// token (see <see cref="UnsubscribeTokens"/>); a changed or forged token is refused. GET shows a
/// confirmation (so link scanners that follow links change nothing); POST unsubscribes (a person's
/// button, or the mail program's one-click unsubscribe, RFC 8058). Nothing else is reachable with it.
/// </summary>
public static class ReminderEndpoints
{
    public const string UnsubscribePath = "/reminders/unsubscribe";

    public static void MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(UnsubscribePath, async (string? token, UnsubscribeTokens tokens, UnsubscribeNames names, CancellationToken ct) =>
        {
            if (!tokens.TryRead(token, out var personId, out var kind)) return Refused();
            var name = await names.NameAsync(personId, ct);
            if (name is null) return Refused();
            return Page("Stop these reminders",
                $"<p>This stops {E(kind.Noun())} for {E(name)}. You can turn them on again from your profile in the tracker.</p>"
                + $"<form method=\"post\" action=\"{UnsubscribePath}\"><input type=\"hidden\" name=\"token\" value=\"{E(token!)}\">"
                + "<button type=\"submit\">Stop these reminders</button></form>");
        }).AllowAnonymous();

        app.MapPost(UnsubscribePath, async (HttpRequest request, UnsubscribeTokens tokens, ReminderPreferencesService preferences, CancellationToken ct) =>
        {
            // The token comes in the form (our button) or the address (a mail program's one-click POST).
            string? token = request.Query["token"];
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                if (form.TryGetValue("token", out var fromForm) && !string.IsNullOrEmpty(fromForm)) token = fromForm;
            }
            if (!tokens.TryRead(token, out var personId, out var kind)) return Refused();
            var saved = await preferences.SetAsync(personId, kind, false, "Unsubscribe link", ct);
            if (saved.NotFound) return Refused();
            if (!saved.Succeeded) return Page("Not unsubscribed", "<p>The tracker was busy. Please try the link again.</p>", 503);
            return Page("Unsubscribed", $"<p>You will no longer get {E(kind.Noun())}. You can turn them on again from your profile in the tracker.</p>");
        }).AllowAnonymous().DisableAntiforgery();
    }

    static string E(string s) => WebUtility.HtmlEncode(s);

    static IResult Refused() => Page("This link does not work",
        "<p>The unsubscribe link is not valid. Copy the whole link from the email, or sign in to the tracker and choose your reminders on your profile.</p>", 400);

    static IResult Page(string title, string body, int status = 200) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{E(title)} – Safer Bromley Partnership tracker</title></head>"
        + $"<body style=\"font-family: Arial, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em;\"><main><h1>{E(title)}</h1>{body}</main></body></html>",
        "text/html; charset=utf-8", statusCode: status);
}

/// <summary>The name of the person a token names, for the confirmation page (one context per request).</summary>
public sealed class UnsubscribeNames(IDbContextFactory<TrackerDbContext> dbs)
{
    public async Task<string?> NameAsync(int personId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(ct);
    }
}
