using System.Globalization;

namespace Tracker.Domain.Common;

/// <summary>Dates as a UK public body writes them, in UK local time.</summary>
public static class UkDates
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime ToLondon(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).DateTime;

    /// <summary>The first instant after <paramref name="date"/> ends in London (midnight, whatever the clocks are doing).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date)
    {
        var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, London.GetUtcOffset(midnight));
    }

    /// <summary>"22 November 2026"</summary>
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>"22 November 2026 at 10:42"</summary>
    public static string LongWithTime(DateTimeOffset at) =>
        ToLondon(at).ToString("d MMMM yyyy 'at' HH:mm", Culture);

    /// <summary>"22/11/2026", the register's short form.</summary>
    public static string Short(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static bool TryParseShort(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], Culture, DateTimeStyles.None, out date);
}
