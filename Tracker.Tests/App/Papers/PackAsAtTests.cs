using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Meetings.Papers;
using Tracker.App.Features.Risks;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Domain.Strategy;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Papers;

/// <summary>
/// A meeting's pack as it stood at the papers deadline (issue 12): the risk register, the sub-group
/// reports, the previous minutes and the quarterly report's metrics and overrides. Each test records a
/// change before the deadline (today, on the app's clock), moves the clock past the end of the day and
/// records another: the first is in the pack's version, the second is not, and the live version has both.
/// On SQLite and on PostgreSQL (the audit trail is read by date and user on both).
/// </summary>
public abstract class PackAsAtTestsBase(TrackerAppFactory app, ClockAppFactory.SettableClock clock)
{
    static int _series = 7000;

    DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    /// <summary>Moves the clock past the end of the papers deadline (today in London): what is recorded next is after it.</summary>
    void PastTheDeadline() => clock.Advance(TimeSpan.FromDays(2));

    /// <summary>
    /// Records something as the clerk, signed in: the audit trail names them. (Writes with nobody signed in are
    /// the tracker's own set-up, such as the sample data, and are not dated history: see AuditRewind.)
    /// </summary>
    async Task<T> AsClerkAsync<T>(Func<TrackerDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitUser(await ComponentTestContext.PrincipalAsync(app, "admin"));
        return await work(scope.ServiceProvider.GetRequiredService<TrackerDbContext>());
    }

    async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A Strategic Group meeting a week ahead whose papers deadline is today, in a minute series of its own.</summary>
    Task<int> MeetingWithDeadlineTodayAsync(int daysAhead = 7) => app.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
        var meeting = Meeting.Schedule(group, Today.AddDays(daysAhead), new TimeOnly(10, 0), "Bromley Civic Centre", Today);
        meeting.MinuteSeries = Interlocked.Increment(ref _series);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    static RiskInput RiskInput(string reference, string title, string controls, int groupId, int net, RiskStatus status = RiskStatus.Open) =>
        new(reference, title, "Cause", "Impact", ["P"], groupId, 4, 4, controls, net, net, 1, 1, 3, null, status, status == RiskStatus.Closed ? "Closed" : null);

    [ProviderFact]
    public async Task RiskRegisterAsAt_ChangesAndRisksAfterTheDeadline_LeftOutEarlierChangeIn()
    {
        var deadline = Today;
        var groupId = await app.WithDbAsync(db => db.Groups.Where(g => g.Kind == GroupKind.StrategicGroup).Select(g => g.Id).SingleAsync());
        var id = await AsClerkAsync(async db =>
        {
            var risk = Risk.Create(RiskInput("R901", "First wording", "Controls at first", groupId, 3), "Test", deadline);
            risk.AddFurtherAction(new FurtherActionInput("Action in place before the deadline", "AM", FurtherActionRag.Amber, null));
            db.Risks.Add(risk);
            await db.SaveChangesAsync();
            return risk.Id;
        });
        // Before the deadline: reworded. In the pack.
        await AsClerkAsync(async db =>
        {
            var risk = await db.Risks.Include(r => r.Assessments).Include(r => r.FurtherActions).SingleAsync(r => r.Id == id);
            risk.Update(RiskInput("R901", "Wording at the deadline", "Controls at the deadline", groupId, 3), "Test", deadline);
            return await db.SaveChangesAsync();
        });

        PastTheDeadline();
        await AsClerkAsync(async db =>
        {
            var risk = await db.Risks.Include(r => r.Assessments).Include(r => r.FurtherActions).SingleAsync(r => r.Id == id);
            risk.Update(RiskInput("R901", "Wording after the deadline", "Controls after the deadline", groupId, 2), "Test", Today);
            risk.FurtherActions[0].Update(new FurtherActionInput("Action reworded after the deadline", "AM", FurtherActionRag.Green, null));
            risk.AddFurtherAction(new FurtherActionInput("Action added after the deadline", "RV", FurtherActionRag.Red, null));
            db.Risks.Add(Risk.Create(RiskInput("R902", "Risk raised after the deadline", "None", groupId, 3), "Test", Today));
            return await db.SaveChangesAsync();
        });

        var filter = new RiskFilter { Sort = "reference", Status = "all" };
        var asAt = await WithAsync<RiskRegisterQueries, RiskRegister>(q => q.GetRegisterAsAtAsync(filter, deadline));
        var then = Assert.Single(asAt.Rows, r => r.Reference == "R901");
        Assert.Equal(deadline, asAt.AsAt);
        Assert.Equal("Wording at the deadline", then.Title);
        Assert.Equal("Controls at the deadline", then.Controls);
        Assert.Equal(new RiskScore(3, 3), then.Net);
        Assert.Equal(["Action in place before the deadline"], then.FurtherActions.Select(a => a.Description));
        Assert.Equal(FurtherActionRag.Amber, then.FurtherActions[0].Rag);
        Assert.DoesNotContain(asAt.Rows, r => r.Reference == "R902");

        var live = await WithAsync<RiskRegisterQueries, RiskRegister>(q => q.GetRegisterAsync(filter));
        var now = Assert.Single(live.Rows, r => r.Reference == "R901");
        Assert.Equal("Wording after the deadline", now.Title);
        Assert.Equal(new RiskScore(2, 2), now.Net);
        Assert.Equal(2, now.FurtherActions.Count);
        Assert.Contains(live.Rows, r => r.Reference == "R902");
        Assert.Null(live.AsAt);

        // The register paper the pack links says so, and has the risk as it stood.
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync($"/risks/register.docx?asAt={deadline:yyyy-MM-dd}", PaperFiles.Docx));
        var text = doc.Text();
        Assert.Contains($"As at {UkDates.Long(deadline)}, the papers deadline", text);
        Assert.Equal("Wording at the deadline", doc.Row("R901").Cells()[1]);
        Assert.DoesNotContain(doc.Body().Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>(), r => r.Cells().Contains("R902"));
        var print = await member.GetPageAsync($"/risks/print?asAt={deadline:yyyy-MM-dd}&status=all");
        Assert.Contains($"As at {UkDates.Long(deadline)}, the papers deadline", print.QuerySelector("[data-as-at]")!.TextContent);
        Assert.Contains("Wording at the deadline", print.QuerySelector("tr[data-risk=R901]")!.TextContent);
        Assert.Null(print.QuerySelector("tr[data-risk=R902]"));
    }

    [ProviderFact]
    public async Task SubGroupReportsAsAt_ReportChangedOrFiledAfterTheDeadline_PackHasItAsItStood()
    {
        var meetingId = await MeetingWithDeadlineTodayAsync();
        var deadline = Today;
        var subGroups = await app.WithDbAsync(db => db.Groups.Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Name).Select(g => new { g.Id, g.ShortName }).Take(2).ToListAsync());
        var (onTime, late) = (subGroups[0], subGroups[1]);
        static SubGroupReportInput Input(string operational) => new(operational, "Strategic", "Plan", "Note");
        var reportId = await AsClerkAsync(async db =>
        {
            var report = new SubGroupReport { MeetingId = meetingId, SubGroupId = onTime.Id, Author = "Rachel Dunley" };
            report.File(Input("Filed by the deadline"), "Rachel Dunley", deadline, deadline, null);
            db.SubGroupReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

        PastTheDeadline();
        await AsClerkAsync(async db =>
        {
            var report = await db.SubGroupReports.SingleAsync(r => r.Id == reportId);
            report.File(Input("Rewritten after the deadline"), "Rachel Dunley", Today, deadline, null);
            var lateReport = new SubGroupReport { MeetingId = meetingId, SubGroupId = late.Id, Author = "Rob Vale" };
            lateReport.File(Input("Filed after the deadline"), "Rob Vale", Today, deadline, null);
            db.SubGroupReports.Add(lateReport);
            return await db.SaveChangesAsync();
        });

        var pack = (await WithAsync<MeetingsService, MeetingPack?>(s => s.GetPackAsync(meetingId, default, asAtPapersDeadline: true)))!;
        var then = pack.SubGroupReports.Single(s => s.SubGroupId == onTime.Id);
        Assert.Equal("Filed by the deadline", then.Report!.OperationalUpdate);
        Assert.Equal(deadline, then.Report.DateFiled);
        Assert.False(then.Report.IsLate);
        Assert.True(then.ChangedAfterDeadline);
        var notThen = pack.SubGroupReports.Single(s => s.SubGroupId == late.Id);
        Assert.Null(notThen.Report);
        Assert.True(notThen.ChangedAfterDeadline);

        var live = (await WithAsync<MeetingsService, MeetingPack?>(s => s.GetPackAsync(meetingId)))!;
        Assert.Equal("Rewritten after the deadline", live.SubGroupReports.Single(s => s.SubGroupId == onTime.Id).Report!.OperationalUpdate);
        Assert.Equal("Filed after the deadline", live.SubGroupReports.Single(s => s.SubGroupId == late.Id).Report!.OperationalUpdate);

        // The pack's paper: the report as it stood, saying so; the late report is not in the pack.
        var papers = await WithAsync<MeetingPackBuilder, IReadOnlyList<PackPaper>>(async b => (await b.PapersAsync(meetingId, default))!.Value.Papers);
        Assert.DoesNotContain(papers, p => p.Name.Contains(Slug(late.ShortName)));
        var paper = papers.Single(p => p.Name.Contains(Slug(onTime.ShortName)));
        using var buffer = new MemoryStream();
        await paper.WriteAsync(buffer, null, default);
        using var doc = PaperFiles.OpenWord(buffer.ToArray());
        var text = doc.Text();
        Assert.Contains($"As at {UkDates.Long(deadline)}, the papers deadline.", text);
        Assert.Contains("Filed by the deadline", text);
        Assert.DoesNotContain("Rewritten after the deadline", text);

        // The pack page shows the same, and points to the current report.
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{meetingId}");
        var section = page.QuerySelector($"[data-subgroup='{onTime.ShortName}']")!;
        Assert.Contains("Filed by the deadline", section.TextContent);
        Assert.NotNull(section.QuerySelector("[data-changed-after-deadline]"));
        Assert.Contains("Not filed by the papers deadline.", page.QuerySelector($"[data-subgroup='{late.ShortName}']")!.TextContent);
    }

    static string Slug(string text) => string.Concat(text.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '-')).Trim('-');

    [ProviderFact]
    public async Task PreviousMinutesAsAt_CorrectionAndApprovalAfterTheDeadline_OldTextAndDraft()
    {
        var previousId = await MeetingWithDeadlineTodayAsync(-30);
        var nextId = await MeetingWithDeadlineTodayAsync(7);
        var deadline = Today;
        var (first, second) = await AsClerkAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == previousId);
            db.Attendance.Add(new Attendance { Meeting = meeting, Order = 1, Kind = AttendanceKind.Present, Name = "Councillor Present Before" });
            var a = MinuteItem.Record(meeting, MinuteNumber.Parse("1"), "Chairman's update", "As recorded on the day.");
            var b = MinuteItem.Record(meeting, MinuteNumber.Parse("2"), "Crime update", "First draft.");
            db.MinuteItems.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        // Before the deadline, the draft is edited: in the pack.
        await AsClerkAsync(async db =>
        {
            var item = await db.MinuteItems.Include(i => i.Meeting).SingleAsync(i => i.Id == second);
            item.Correct("Crime update", "Edited before the deadline.", null, "Clerk", clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        PastTheDeadline();
        await AsClerkAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == previousId);
            var at = await db.Meetings.SingleAsync(m => m.Id == nextId);
            Assert.Null(meeting.RecordMinutesAgreed(at, "3", "Councillor Smith's apologies added.", "Clerk", clock.GetUtcNow()));
            await db.SaveChangesAsync();
            var item = await db.MinuteItems.Include(i => i.Meeting).SingleAsync(i => i.Id == first);
            db.MinuteCorrections.AddRange(item.Correct("Chairman's update", "Corrected after the deadline.", "The figures were wrong", "Clerk", clock.GetUtcNow()));
            db.MinuteItems.Add(MinuteItem.Record(meeting, MinuteNumber.Parse("3"), "Added after the deadline", ""));
            db.Attendance.Add(new Attendance { Meeting = meeting, Order = 2, Kind = AttendanceKind.Apologies, Name = "Councillor Added After" });
            return await db.SaveChangesAsync();
        });

        var asAt = (await WithAsync<MinutesAsAt, MinutesView?>(m => m.GetAsync(previousId, deadline)))!;
        Assert.Null(asAt.Agreed);
        Assert.Equal(["1", "2"], asAt.Items.Select(i => i.Number));
        Assert.Equal("As recorded on the day.", asAt.Items[0].Text);
        Assert.Empty(asAt.Items[0].Corrections);
        Assert.Equal("Edited before the deadline.", asAt.Items[1].Text);
        Assert.Equal(["Councillor Present Before"], asAt.Attendance.Select(a => a.Text));

        var live = (await WithAsync<MinutesAsAt, MinutesView?>(m => m.GetAsync(previousId, null)))!;
        Assert.NotNull(live.Agreed);
        Assert.Equal("Corrected after the deadline.", live.Items[0].Text);
        Assert.Single(live.Items[0].Corrections);
        Assert.Equal(3, live.Items.Count);
        Assert.Equal(2, live.Attendance.Count);

        // The pack's paper and page: as at the deadline, a draft, the old text.
        var member = await app.SignInAsync("member");
        using (var doc = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{previousId}/minutes.docx?asAt={deadline:yyyy-MM-dd}", PaperFiles.Docx)))
        {
            var text = doc.Text();
            Assert.Contains($"As at {UkDates.Long(deadline)}, the papers deadline", text);
            Assert.Contains("Draft: not yet agreed as a correct record.", text);
            Assert.Contains("As recorded on the day.", text);
            Assert.DoesNotContain("Corrected after the deadline.", text);
            Assert.DoesNotContain("ADDED AFTER THE DEADLINE", text);
        }
        var page = await member.GetPageAsync($"/meetings/{previousId}/minutes/as-at/{deadline:yyyy-MM-dd}");
        Assert.Contains($"As at {UkDates.Long(deadline)}, the papers deadline", page.QuerySelector("[data-as-at]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-minutes-draft]"));
        Assert.Contains("As recorded on the day.", page.QuerySelector("tr[data-minute='1']")!.TextContent);
        Assert.Null(page.QuerySelector("tr[data-minute='3']"));
        // The next meeting's pack links the previous minutes as at its deadline.
        var pack = await member.GetPageAsync($"/meetings/{nextId}");
        Assert.Equal($"/meetings/{previousId}/minutes/as-at/{deadline:yyyy-MM-dd}",
            pack.QuerySelector("[data-pack-link=previous-minutes] a")!.GetAttribute("href"));

        // Now, the Word minutes print the approval record and the correction beside its minute, as the minutes page does.
        using var now = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{previousId}/minutes.docx", PaperFiles.Docx, "minutes-corrected.docx"));
        var nowText = now.Text();
        Assert.Contains($"Agreed as a correct record at the meeting on {UkDates.Long(deadline.AddDays(7))}, minute 3. Corrections agreed then: Councillor Smith's apologies added.", nowText);
        Assert.DoesNotContain("As at", nowText);
        var correction = now.Row("Correction on").Cells()[1];
        Assert.Contains("by Clerk: The figures were wrong", correction);
        Assert.Contains("Minute was: “As recorded on the day.”", correction);
        Assert.Contains("Corrected after the deadline.", now.Row("Corrected after the deadline.").Cells()[1]);
    }

    [ProviderFact]
    public async Task ReportMetricsAndOverridesAsAt_FiguresAndOverridesAfterTheDeadline_LeftOut()
    {
        var deadline = Today;
        // A quarter of its own, far ahead, so no sample figures are in it.
        var quarter = new FinancialQuarter(2031, 2);
        var (strategyId, objectiveId, metricIds) = await AsClerkAsync(async db =>
        {
            var metrics = await db.Metrics.OrderBy(m => m.Id).Take(2).ToListAsync();
            var strategyId = metrics[0].StrategyId;
            var objectiveId = await db.Objectives.Where(o => o.Priority!.StrategyId == strategyId && !o.IsRetired).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            return (strategyId, objectiveId, metrics.Select(m => m.Id).ToList());
        });
        await AsClerkAsync(async db =>
        {
            var metric = await db.Metrics.Include(m => m.Values).SingleAsync(m => m.Id == metricIds[0]);
            metric.AddValue(quarter, "Rolling Year Sep 31", 100, 125);
            db.RollUpOverrides.Add(new RollUpOverride { Level = RollUpLevel.Objective, TargetId = objectiveId, Year = quarter.Year, Quarter = quarter.Quarter, Rag = RagStatus.Red, Reason = "Set before the deadline" });
            return await db.SaveChangesAsync();
        });

        PastTheDeadline();
        await AsClerkAsync(async db =>
        {
            var value = await db.MetricValues.SingleAsync(v => v.MetricId == metricIds[0] && v.Year == quarter.Year && v.Quarter == quarter.Quarter);
            value.Count = 150;
            value.RagOverride = RagStatus.Green;
            value.OverrideReason = "Overridden after the deadline";
            var other = await db.Metrics.Include(m => m.Values).SingleAsync(m => m.Id == metricIds[1]);
            other.AddValue(quarter, "Rolling Year Sep 31", 40, 50);
            var over = await db.RollUpOverrides.SingleAsync(o => o.TargetId == objectiveId && o.Year == quarter.Year && o.Quarter == quarter.Quarter && o.Level == RollUpLevel.Objective);
            over.Rag = RagStatus.Green;
            over.Reason = "Changed after the deadline";
            return await db.SaveChangesAsync();
        });

        var asAt = (await WithAsync<StrategyQueries, StrategyView?>(q => q.LoadAsync(strategyId, quarter, default, UkDates.EndOfDay(deadline))))!;
        var figures = Assert.Single(asAt.Metrics);
        Assert.Equal(100, figures.Count);
        Assert.Equal(-20m, figures.ChangePercent);
        Assert.Null(figures.Override);
        var objective = asAt.Priorities.SelectMany(p => p.Objectives).Single(o => o.Id == objectiveId);
        Assert.Equal(RagStatus.Red, objective.RollUp.Override);
        Assert.Equal("Set before the deadline", objective.RollUp.OverrideReason);

        var live = (await WithAsync<StrategyQueries, StrategyView?>(q => q.LoadAsync(strategyId, quarter)))!;
        Assert.Equal(2, live.Metrics.Count);
        Assert.Equal(150, live.Metrics.Single(m => m.ValueId == figures.ValueId).Count);
        Assert.Equal(RagStatus.Green, live.Metrics.Single(m => m.ValueId == figures.ValueId).Override);
        Assert.Equal("Changed after the deadline", live.Priorities.SelectMany(p => p.Objectives).Single(o => o.Id == objectiveId).RollUp.OverrideReason);

        // The report paper as at the deadline (the report page's Word link) says so and has the figures as they stood.
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync(
            $"/actions/report.docx?strategy={strategyId}&year={quarter.Year}&quarter={quarter.Quarter}&asAt={deadline:yyyy-MM-dd}", PaperFiles.Docx));
        Assert.Contains($"As at {UkDates.Long(deadline)}, the papers deadline", doc.Text());
        var row = doc.RowOf(figures.Name).Cells();
        Assert.Equal("100", row[1]);
        Assert.DoesNotContain("overridden", row[3]);
        Assert.DoesNotContain(doc.Body().Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>(), r => r.Cells().Contains("150"));
    }
}

public sealed class PackAsAtTests(ClockAppFactory app) : PackAsAtTestsBase(app, app.Clock), IClassFixture<ClockAppFactory>;

public sealed class PackAsAtTestsOnPostgreSql(PostgreSqlClockAppFactory app) : PackAsAtTestsBase(app, app.Clock), IClassFixture<PostgreSqlClockAppFactory>, IPostgreSqlTests;

/// <summary>The app on PostgreSQL with a clock the test moves on by hand, as <see cref="ClockAppFactory"/>.</summary>
public sealed class PostgreSqlClockAppFactory : PostgreSqlAppFactory
{
    public ClockAppFactory.SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services => services.AddSingleton<TimeProvider>(Clock));
    }
}
