using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Tracker.App.Features.Reminders;

/// <summary>
/// Where email goes: <c>Email:Mode</c> = <c>Pickup</c> (the default: each message is written as an
/// .eml file to <c>Email:PickupDirectory</c>, default App_Data/mail (the data folder's mail), so a developer's <c>dotnet run</c>
/// sends nothing anywhere) or <c>Smtp</c> (<c>Email:Smtp:Host</c>, <c>Port</c>, <c>UserName</c>,
/// <c>Password</c>, <c>UseTls</c>). <c>Email:From</c> is the sender.
/// </summary>
public sealed class EmailOptions
{
    public string Mode { get; set; } = "Pickup";
    /// <summary>Unset: <c>mail</c> in the app's data folder (<c>DataFolder</c>, by default App_Data), so tests and instances keep their own.</summary>
    public string? PickupDirectory { get; set; }
    public string From { get; set; } = "Safer Bromley Partnership <no-reply@saferbromley.invalid>";
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "localhost";
        public int Port { get; set; } = 25;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool UseTls { get; set; } = true;
    }

    public bool IsSmtp => Mode.Equals("Smtp", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Sends one message or throws; the reminder service records the outcome.</summary>
public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Writes each message as an .eml file (readable by any mail program and <c>MimeMessage.Load</c>).</summary>
public sealed class PickupEmailSender(string directory) : IEmailSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Directory, name);
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, ct);
        File.Move(temp, path);
    }
}

/// <summary>MailKit over SMTP: STARTTLS (or TLS on connect on port 465) when <c>UseTls</c>, authenticating when a user name is set.</summary>
public sealed class SmtpEmailSender(EmailOptions.SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var security = !options.UseTls ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
