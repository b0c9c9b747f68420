namespace Tracker.Domain.Strategy;

/// <summary>
/// A quarter of the partnership's financial year, which runs April to March. <see cref="Year"/> is
/// the first calendar year of the financial year: <c>FinancialQuarter(2020, 4)</c> is January–March 2021,
/// "Quarter Four 2020/21".
/// </summary>
public readonly record struct FinancialQuarter : IComparable<FinancialQuarter>
{
    public FinancialQuarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter), "A quarter is 1 to 4");
        if (year is < 1900 or > 9998) throw new ArgumentOutOfRangeException(nameof(year));
        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }
    public int Quarter { get; }

    static readonly string[] Words = ["One", "Two", "Three", "Four"];

    /// <summary>"2020/21"</summary>
    public string FinancialYear => $"{Year}/{(Year + 1) % 100:00}";

    /// <summary>"Quarter Four 2020/21", as the reports say it.</summary>
    public string Label => $"Quarter {Words[Quarter - 1]} {FinancialYear}";

    /// <summary>"2020/21 Q4", for tables and selectors.</summary>
    public string ShortLabel => $"{FinancialYear} Q{Quarter}";

    public DateOnly Start => new DateOnly(Year, 4, 1).AddMonths(3 * (Quarter - 1));
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public FinancialQuarter Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);
    public FinancialQuarter Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    /// <summary>A sortable number, e.g. 20204.</summary>
    public int Key => Year * 10 + Quarter;

    public static FinancialQuarter FromKey(int key) => new(key / 10, key % 10);

    /// <summary>The quarter a date falls in: 15 February 2021 is in 2020/21 Q4.</summary>
    public static FinancialQuarter Containing(DateOnly date) =>
        date.Month >= 4 ? new(date.Year, (date.Month - 4) / 3 + 1) : new(date.Year - 1, 4);

    /// <summary>
    /// The quarter a meeting reviews: the last financial quarter that ended before its papers deadline
    /// (DOMAIN.md; 001's forward plan tables "SBP Strategy Q3 23/24 Update" on 29 February 2024, papers
    /// due 22 February). The one place this rule lives: My updates, the completeness board, the
    /// dashboard, the meeting pack and the reminders all ask it.
    /// A deadline on the first day of a quarter reviews the quarter that ended the day before; one on the
    /// last day of a quarter the quarter before that (the quarter has not ended before the deadline).
    /// </summary>
    public static FinancialQuarter ReviewedBy(DateOnly papersDeadline) => Containing(papersDeadline).Previous;

    public static bool TryCreate(int? year, int? quarter, out FinancialQuarter result)
    {
        result = default;
        if (year is null or < 1900 or > 9998 || quarter is null or < 1 or > 4) return false;
        result = new FinancialQuarter(year.Value, quarter.Value);
        return true;
    }

    /// <summary>Every quarter from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public static IEnumerable<FinancialQuarter> Range(FinancialQuarter from, FinancialQuarter to)
    {
        for (var q = from; q.CompareTo(to) <= 0; q = q.Next) yield return q;
    }

    public int CompareTo(FinancialQuarter other) => Key.CompareTo(other.Key);
    public static bool operator <(FinancialQuarter a, FinancialQuarter b) => a.Key < b.Key;
    public static bool operator >(FinancialQuarter a, FinancialQuarter b) => a.Key > b.Key;
    public static bool operator <=(FinancialQuarter a, FinancialQuarter b) => a.Key <= b.Key;
    public static bool operator >=(FinancialQuarter a, FinancialQuarter b) => a.Key >= b.Key;

    public override string ToString() => ShortLabel;
}
