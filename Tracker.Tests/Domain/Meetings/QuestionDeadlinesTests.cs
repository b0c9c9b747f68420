using Tracker.Domain.Meetings;

namespace Tracker.Tests.Domain.Meetings;

public sealed class QuestionDeadlinesTests
{
    [Fact]
    public void General_MeetingOnThursday_TenWorkingDaysBefore()
    {
        // Thursday 20 June 2019: ten working days back is Thursday 6 June.
        Assert.Equal(new DateOnly(2019, 6, 6), QuestionDeadlines.For(new DateOnly(2019, 6, 20), null).General);
    }

    [Fact]
    public void General_SpanningEasterAndEarlyMay_SkipsBankHolidays()
    {
        // Thursday 9 May 2019: back over Monday 6 May (early May bank holiday), Easter Monday 22 April and Good Friday 19 April.
        Assert.Equal(new DateOnly(2019, 4, 24), QuestionDeadlines.For(new DateOnly(2019, 5, 9), null).General);
    }

    [Fact]
    public void OnAgendaReports_PublishedFridayBeforeBankHolidayMonday_TwoWorkingDaysLaterAt5pm()
    {
        // Agenda published Friday 23 August 2024; Monday 26 August is a bank holiday: Wednesday 28 August, 5pm.
        var deadlines = QuestionDeadlines.For(new DateOnly(2024, 9, 12), new DateOnly(2024, 8, 23));
        Assert.Equal(new DateTime(2024, 8, 28, 17, 0, 0), deadlines.OnAgendaReports);
    }

    [Fact]
    public void OnAgendaReports_NotPublishedYet_NoDeadline() =>
        Assert.Null(QuestionDeadlines.For(new DateOnly(2026, 12, 17), null).OnAgendaReports);

    [Theory]
    [InlineData("2024-08-28T16:59:00", true, false)]
    [InlineData("2024-08-28T17:01:00", true, true)]
    [InlineData("2024-08-29T09:00:00", false, false)]
    [InlineData("2024-08-30T09:00:00", false, true)]
    public void IsLate_ByKindOfQuestion(string received, bool onAgendaReport, bool late)
    {
        // Meeting Thursday 12 September 2024: general questions by Thursday 29 August.
        var deadlines = QuestionDeadlines.For(new DateOnly(2024, 9, 12), new DateOnly(2024, 8, 23));
        Assert.Equal(new DateOnly(2024, 8, 29), deadlines.General);
        Assert.Equal(late, deadlines.IsLate(DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture), onAgendaReport));
    }

    [Fact]
    public void BankHolidays_ChristmasOnWeekend_SubstituteDaysAreHolidays()
    {
        Assert.True(BankHolidays.IsBankHoliday(new DateOnly(2026, 12, 28)));
        Assert.False(BankHolidays.IsWorkingDay(new DateOnly(2027, 12, 27)));
        Assert.True(BankHolidays.IsWorkingDay(new DateOnly(2026, 12, 29)));
    }
}

/// <summary>A question is late against the deadline that applies to it, and says so in words on the log.</summary>
public sealed class QuestionLateTests
{
    // 10 December 2026 (a Thursday): general questions by 26 November; agenda published Tuesday 1 December,
    // so questions on an agenda report by 5pm on Thursday 3 December.
    static readonly QuestionDeadlines December = QuestionDeadlines.For(new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 1));

    static MeetingQuestion Asked(int month, int day, int hour, int minute, bool onReport) => new()
    {
        AskedBy = "Cllr Kate Lymer", Text = "What is the knife crime trend?", ReceivedOn = new DateOnly(2026, month, day),
        ReceivedTime = new TimeOnly(hour, minute), OnAgendaReport = onReport,
    };

    [Fact]
    public void Deadlines_December2026_TenWorkingDaysBeforeAndTwoAfterPublicationBy5pm()
    {
        Assert.Equal(new DateOnly(2026, 11, 26), December.General);
        Assert.Equal(new DateTime(2026, 12, 3, 17, 0, 0), December.OnAgendaReports);
    }

    [Theory]
    [InlineData(11, 26, 23, 59, false, false)]
    [InlineData(11, 27, 9, 0, false, true)]
    [InlineData(12, 3, 17, 0, true, false)]
    [InlineData(12, 3, 17, 1, true, true)]
    // On an agenda report, the later deadline applies even though the general one has passed.
    [InlineData(12, 2, 10, 0, true, false)]
    public void IsLate_AgainstItsDeadline(int month, int day, int hour, int minute, bool onReport, bool late) =>
        Assert.Equal(late, Asked(month, day, hour, minute, onReport).IsLate(December));

    [Fact]
    public void IsLate_OnAgendaReportBeforePublication_GeneralDeadlineApplies()
    {
        var unpublished = QuestionDeadlines.For(new DateOnly(2026, 12, 10), null);
        Assert.True(Asked(12, 2, 10, 0, true).IsLate(unpublished));
    }
}
