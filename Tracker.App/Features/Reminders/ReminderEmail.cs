using System.Net;
using System.Text;
using MimeKit;

namespace Tracker.App.Features.Reminders;

/// <summary>A line of an email: what it is, and where in the tracker to deal with it.</summary>
public sealed record EmailItem(string Text, string? Link = null, string? Detail = null);

/// <summary>A section of an email with its own heading (the digest has several).</summary>
public sealed record EmailSection(string Heading, IReadOnlyList<EmailItem> Items, string? Empty = null);

/// <summary>
/// A plain, accessible email: a text part and a simple HTML part with the same words (headings,
/// lists, real links, no images, no tracking), a subject that says what is needed and by when.
/// </summary>
public sealed record ReminderEmail(string Subject, string Greeting, IReadOnlyList<string> Intro, IReadOnlyList<EmailSection> Sections,
    IReadOnlyList<string> Closing, string Why, string? UnsubscribeUrl, string PreferencesUrl)
{
    public string Text()
    {
        var text = new StringBuilder();
        text.AppendLine(Greeting).AppendLine();
        foreach (var line in Intro) text.AppendLine(line).AppendLine();
        foreach (var section in Sections)
        {
            text.AppendLine(section.Heading).AppendLine(new string('-', Math.Min(section.Heading.Length, 70)));
            if (section.Items.Count == 0 && section.Empty is not null) text.AppendLine(section.Empty);
            foreach (var item in section.Items)
            {
                text.AppendLine($"- {item.Text}");
                if (item.Detail is not null) text.AppendLine($"  {item.Detail}");
                if (item.Link is not null) text.AppendLine($"  {item.Link}");
            }
            text.AppendLine();
        }
        foreach (var line in Closing) text.AppendLine(line).AppendLine();
        text.AppendLine("--").AppendLine(Why);
        text.AppendLine($"Choose which reminders you get: {PreferencesUrl}");
        if (UnsubscribeUrl is not null) text.AppendLine($"Stop these reminders: {UnsubscribeUrl}");
        return text.ToString();
    }

    public string Html()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(Subject))
            .Append("</title></head><body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 40em;\">");
        html.Append("<p>").Append(E(Greeting)).Append("</p>");
        foreach (var line in Intro) html.Append("<p>").Append(E(line)).Append("</p>");
        foreach (var section in Sections)
        {
            html.Append("<h2 style=\"font-size: 19px;\">").Append(E(section.Heading)).Append("</h2>");
            if (section.Items.Count == 0 && section.Empty is not null) html.Append("<p>").Append(E(section.Empty)).Append("</p>");
            if (section.Items.Count == 0) continue;
            html.Append("<ul>");
            foreach (var item in section.Items)
            {
                html.Append("<li>");
                html.Append(item.Link is null ? E(item.Text) : $"<a href=\"{E(item.Link)}\" style=\"color: #1d70b8;\">{E(item.Text)}</a>");
                if (item.Detail is not null) html.Append("<br>").Append(E(item.Detail));
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        foreach (var line in Closing) html.Append("<p>").Append(E(line)).Append("</p>");
        html.Append("<hr><p style=\"font-size: 14px;\">").Append(E(Why)).Append("<br>")
            .Append($"<a href=\"{E(PreferencesUrl)}\" style=\"color: #1d70b8;\">Choose which reminders you get</a>");
        if (UnsubscribeUrl is not null)
            html.Append(" or <a href=\"").Append(E(UnsubscribeUrl)).Append("\" style=\"color: #1d70b8;\">stop these reminders</a>");
        html.Append(".</p></body></html>");
        return html.ToString();
    }

    /// <summary>The MIME message: multipart/alternative text then HTML, marked as automatic, with one-click unsubscribe (RFC 8058).</summary>
    public static MimeMessage ToMime(string from, string to, string toName, string subject, string text, string html, string? unsubscribeUrl)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(toName, to));
        message.Subject = subject;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
