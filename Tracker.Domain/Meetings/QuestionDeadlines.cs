namespace Tracker.Domain.Meetings;

/// <summary>
/// The bank holidays of England and Wales, as a fixed table. Source: GOV.UK, "UK bank holidays"
/// (https://www.gov.uk/bank-holidays, England and Wales), including the one-off holidays of 2020
/// (VE Day moved), 2022 (Platinum Jubilee; the State Funeral of Queen Elizabeth II) and 2023 (the
/// Coronation). Add each new year's dates when GOV.UK publishes them.
/// </summary>
public static class BankHolidays
{
    static readonly HashSet<DateOnly> Dates =
    [
        .. Year(2016, (1, 1), (3, 25), (3, 28), (5, 2), (5, 30), (8, 29), (12, 26), (12, 27)),
        .. Year(2017, (1, 2), (4, 14), (4, 17), (5, 1), (5, 29), (8, 28), (12, 25), (12, 26)),
        .. Year(2018, (1, 1), (3, 30), (4, 2), (5, 7), (5, 28), (8, 27), (12, 25), (12, 26)),
        .. Year(2019, (1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)),
        .. Year(2020, (1, 1), (4, 10), (4, 13), (5, 8), (5, 25), (8, 31), (12, 25), (12, 28)),
        .. Year(2021, (1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)),
        .. Year(2022, (1, 3), (4, 15), (4, 18), (5, 2), (6, 2), (6, 3), (8, 29), (9, 19), (12, 26), (12, 27)),
        .. Year(2023, (1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)),
        .. Year(2024, (1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)),
        .. Year(2025, (1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)),
        .. Year(2026, (1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)),
        .. Year(2027, (1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)),
    ];

    static IEnumerable<DateOnly> Year(int year, params (int Month, int Day)[] days) => days.Select(d => new DateOnly(year, d.Month, d.Day));

    public static bool IsBankHoliday(DateOnly date) => Dates.Contains(date);

    /// <summary>A day the council's offices are open: Monday to Friday, not a bank holiday.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>The working day <paramref name="days"/> working days before (negative) or after (positive) <paramref name="from"/>.</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var date = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }
}

/// <summary>
/// When councillors' and the public's questions are due, as the agenda sets them out: general
/// questions 10 working days before the meeting; questions on a report on the agenda within 2
/// working days of the agenda's publication, by 5pm.
/// </summary>
public sealed record QuestionDeadlines(DateOnly General, DateTime? OnAgendaReports)
{
    public const int GeneralWorkingDays = 10;
    public const int AgendaWorkingDays = 2;
    static readonly TimeOnly FivePm = new(17, 0);

    public static QuestionDeadlines For(DateOnly meeting, DateOnly? agendaPublished) =>
        new(BankHolidays.AddWorkingDays(meeting, -GeneralWorkingDays),
            agendaPublished is { } published ? BankHolidays.AddWorkingDays(published, AgendaWorkingDays).ToDateTime(FivePm) : null);

    /// <summary>
    /// Whether a question received at <paramref name="received"/> (London time) is late: a general
    /// question after the end of its deadline day; one on an agenda report after 5pm on its day.
    /// </summary>
    public bool IsLate(DateTime received, bool onAgendaReport) =>
        onAgendaReport && OnAgendaReports is { } agenda ? received > agenda : DateOnly.FromDateTime(received) > General;
}
