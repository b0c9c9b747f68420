using Microsoft.AspNetCore.DataProtection;
using Tracker.Domain.Reminders;

namespace Tracker.App.Features.Reminders;

/// <summary>
/// <c>Reminders:Enabled</c> (the daily background run, default true), <c>Reminders:DailyAt</c> (London
/// time, default 07:00), <c>Reminders:LeadDaysBefore</c> (default 7 and 2), <c>Reminders:DigestDay</c>
/// (default Monday), <c>Reminders:RetryEvery</c> (how often failed sends are looked at, default 5 minutes).
/// </summary>
public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;
    public TimeOnly DailyAt { get; set; } = new(7, 0);
    /// <summary>Configured days (empty: the default 7 and 2; configuration binding appends to arrays, so the default is not preset).</summary>
    public int[] LeadDaysBefore { get; set; } = [];
    public IReadOnlyList<int> LeadDays => LeadDaysBefore is { Length: > 0 } days ? days : ReminderSchedule.DefaultLeadDays;
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;
    public TimeSpan RetryEvery { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Absolute links into the tracker for emails, from <c>App:BaseUrl</c>.</summary>
public sealed class ReminderLinks(IConfiguration configuration)
{
    public string BaseUrl { get; } = (configuration["App:BaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5000").TrimEnd('/');

    public string To(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}

/// <summary>
/// The unsubscribe link's token: the person and the kind of reminder, signed and encrypted with ASP.NET
/// Core Data Protection (the app's key ring), so it works without signing in for that one person and
/// kind only, and a changed token is refused.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector("Tracker.Reminders.Unsubscribe.v1");

    public string Create(int personId, ReminderKind kind) => _protector.Protect($"{personId}:{(int)kind}");

    public bool TryRead(string? token, out int personId, out ReminderKind kind)
    {
        personId = 0;
        kind = default;
        if (string.IsNullOrWhiteSpace(token)) return false;
        string plain;
        try { plain = _protector.Unprotect(token); }
        catch (System.Security.Cryptography.CryptographicException) { return false; }
        catch (FormatException) { return false; }
        var parts = plain.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], out personId) || !int.TryParse(parts[1], out var k)
            || !Enum.IsDefined((ReminderKind)k)) return false;
        kind = (ReminderKind)k;
        return true;
    }
}
