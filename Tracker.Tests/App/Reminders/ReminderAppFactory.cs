using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using Tracker.App.Features.Reminders;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Reminders;

/// <summary>A clock the test sets to any London day (the sample data is seeded at the real time first).</summary>
public sealed class MovableClock : TimeProvider
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    DateTimeOffset _now = System.GetUtcNow();
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;

    /// <summary>Moves to 08:00 London time on <paramref name="day"/>.</summary>
    public void SetLondonDay(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(8, 0));
        _now = new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>
/// The app sending real email over SMTP (MailKit) to an in-process SMTP server (netDumbster), with
/// absolute links to https://tracker.example.org, a clock the test sets, and no background run.
/// </summary>
public class ReminderAppFactory : TrackerAppFactory
{
    public const string BaseUrl = "https://tracker.example.org";
    public MovableClock Clock { get; } = new();
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(FreePort());

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    protected virtual void ConfigureEmail(IWebHostBuilder builder)
    {
        builder.UseSetting("Email:Mode", "Smtp");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Configuration.Port.ToString());
        builder.UseSetting("Email:Smtp:UseTls", "false");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ConfigureEmail(builder);
        builder.UseSetting("Email:From", "Safer Bromley Partnership <tracker@bromley.example>");
        builder.UseSetting("App:BaseUrl", BaseUrl);
        builder.UseSetting("Reminders:Enabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>The messages the SMTP server received, parsed with MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();

    /// <summary>Forgets every reminder sent, every preference and every received message: each test starts clean.</summary>
    public async Task ResetAsync()
    {
        _ = Services; // start the app (and seed) before touching its database
        await WithDbAsync(async db =>
        {
            await db.ReminderRecords.ExecuteDeleteAsync();
            await db.ReminderMessages.ExecuteDeleteAsync();
            await db.ReminderPreferences.ExecuteDeleteAsync();
            return 0;
        });
        Smtp.ClearReceivedEmail();
    }

    /// <summary>The next Strategic Group meeting of the sample cycle (seeded about three weeks ahead of the real today).</summary>
    public Task<(int Id, DateOnly Date, DateOnly PapersDeadline)> NextMeetingAsync()
    {
        var today = DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));
        return WithDbAsync(async db =>
        {
            var m = await db.Meetings.Where(m => m.Group!.Kind == GroupKind.StrategicGroup && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished) && m.PapersDeadline >= today)
                .OrderBy(m => m.Date).Select(m => new { m.Id, m.Date, m.PapersDeadline }).FirstAsync();
            return (m.Id, m.Date, m.PapersDeadline);
        });
    }

    public Task<int> PersonIdAsync(string initials) =>
        WithDbAsync(db => db.People.Where(p => p.Initials == initials).Select(p => p.Id).SingleAsync());

    public async Task<SendSummary> SendDueAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ReminderCollection : ICollectionFixture<ReminderAppFactory>
{
    public const string Name = "Reminders over SMTP";
}
