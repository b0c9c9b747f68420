using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Risks;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Domain.Strategy;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.App.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Common;

/// <summary>
/// Many people saving the same record at the same moment, each with their own scope and DbContext on
/// the real SQLite file. Every call ends in a <see cref="SaveResult"/> (no exception), and every save
/// that was acknowledged is in the record and in the audit trail.
/// </summary>
public abstract class ConcurrentSavesTestsBase(TrackerAppFactory app)
{
    const int Writers = 20;

    async Task<IReadOnlyList<SaveResult>> RunAsync<TService>(ICurrentUser user, Func<TService, int, Task<SaveResult>> save) where TService : notnull
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var service = ActivatorUtilities.CreateInstance<TService>(scope.ServiceProvider, user);
            start.Wait();
            return await save(service, i);
        })).ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    async Task<StubUser> AdminAsync() => await app.WithDbAsync(async db =>
    {
        var person = await db.People.OrderBy(p => p.Id).FirstAsync();
        return new StubUser(person.Name, person.Id, TrackerRoles.Administrator, TrackerRoles.Chair);
    });

    Task<bool> AuditedAsync(string entityType, int id, string action) =>
        app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == entityType && a.EntityKey == id.ToString() && a.Action == action));

    static void AssertRefusals(IEnumerable<SaveResult> results) =>
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Conflict is not null || r.Errors.Count > 0 || r.Denied is not null || r.NotFound, "A refusal must say why"));

    [ProviderFact]
    public async Task AddUpdate_ManySameDayUpdatesOfOneMatter_EachSavedOrRefused()
    {
        var matterId = await app.WithDbAsync(db => db.MattersArising.Where(m => m.Status == MatterStatus.Open).Select(m => m.Id).FirstAsync());
        var results = await RunAsync<MattersArisingService>(await AdminAsync(),
            (s, i) => s.AddUpdateAsync(matterId, new MatterUpdateInput($"Parallel update {i}")));

        AssertRefusals(results);
        Assert.Contains(results, r => r.Succeeded);
        var texts = await app.WithDbAsync(db => db.MatterUpdates.Where(u => u.MatterArisingId == matterId).Select(u => new { u.Id, u.Text }).ToListAsync());
        var saved = texts.Where(t => t.Text.StartsWith("Parallel update ")).ToList();
        Assert.Equal(results.Count(r => r.Succeeded), saved.Count);
        foreach (var update in saved) Assert.True(await AuditedAsync(nameof(MatterUpdate), update.Id, "Added"));
        // Each acknowledged update moved the matter's version on.
        var version = await app.WithDbAsync(db => db.MattersArising.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync());
        Assert.Equal(results.Where(r => r.Succeeded).Max(r => r.Version), version);
    }

    [ProviderFact]
    public async Task Create_ManyRisksWithOneReference_OneSavedOthersToldReferenceIsUsed()
    {
        var groupId = await app.WithDbAsync(db => db.Groups.Select(g => g.Id).FirstAsync());
        var results = await RunAsync<RiskService>(await AdminAsync(), (s, i) => s.CreateAsync(new RiskInput("R77", $"Parallel risk {i}", null, null, ["P"], groupId,
            4, 4, null, 2, 2, null, null, 3, null, RiskStatus.Open, null)));

        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Errors, e => e.Field == nameof(RiskInput.Reference) && e.Message.StartsWith("Reference R77 is already used")));
        Assert.Equal(saved.Id, await app.RiskIdAsync("R77"));
        Assert.True(await AuditedAsync(nameof(Risk), saved.Id, "Added"));
    }

    [ProviderFact]
    public async Task RecordReview_ManyReviewsOfOneRisk_EachSavedOrRefused()
    {
        var riskId = await app.WithDbAsync(db => db.Risks.Where(r => r.Status == RiskStatus.Open).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var results = await RunAsync<RiskService>(await AdminAsync(), (s, i) => s.RecordReviewAsync(riskId, "29/02/2024", $"Parallel review {i}", null));

        AssertRefusals(results);
        Assert.Contains(results, r => r.Succeeded);
        var reviews = await app.WithDbAsync(db => db.RiskReviews.Where(r => r.RiskId == riskId && r.Note.StartsWith("Parallel review ")).Select(r => r.Id).ToListAsync());
        Assert.Equal(results.Count(r => r.Succeeded), reviews.Count);
        foreach (var id in reviews) Assert.True(await AuditedAsync(nameof(RiskReview), id, "Added"));
    }

    [ProviderFact]
    public async Task LockQuarter_ManyChairsAtOnce_OneLockOthersRefused()
    {
        var strategyId = await app.WithDbAsync(db => db.Strategies.Select(s => s.Id).FirstAsync());
        var quarter = new FinancialQuarter(2030, 1);
        var results = await RunAsync<StrategyService>(await AdminAsync(), (s, _) => s.LockQuarterAsync(strategyId, quarter));

        var saved = Assert.Single(results, r => r.Succeeded);
        AssertRefusals(results);
        Assert.True(await AuditedAsync(nameof(QuarterLock), saved.Id, "Added"));
    }

    [ProviderFact]
    public async Task FileSubGroupReport_ManyFirstFilingsAtOnce_OneFiledOthersRefused()
    {
        var meetingId = await app.MeetingIdAsync(2024, 5, 23);
        var subGroupId = await app.WithDbAsync(async db =>
        {
            var filed = await db.SubGroupReports.Where(r => r.MeetingId == meetingId).Select(r => r.SubGroupId).ToListAsync();
            var groups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Id).Select(g => g.Id).ToListAsync();
            return groups.First(g => !filed.Contains(g));
        });
        var results = await RunAsync<SubGroupReportService>(await AdminAsync(), (s, i) => s.FileSubGroupReportAsync(meetingId, subGroupId, 0,
            new SubGroupReportInput($"Operational {i}", "Strategic", "Action plan", "None")));

        var saved = Assert.Single(results, r => r.Succeeded);
        AssertRefusals(results);
        Assert.True(await AuditedAsync(nameof(SubGroupReport), saved.Id, "Added"));
    }

    [ProviderFact]
    public async Task UpdateRisk_ManySavesFromOneLoadedVersion_OneSavedOthersStale()
    {
        var risk = await app.WithDbAsync(db => db.Risks.AsNoTracking().Where(r => r.Status == RiskStatus.Open).OrderByDescending(r => r.Id).FirstAsync());
        var results = await RunAsync<RiskService>(await AdminAsync(), async (s, i) =>
        {
            var form = (await s.GetForEditAsync(risk.Id))!;
            return await s.UpdateAsync(risk.Id, risk.Version, form.Input with { Title = $"Parallel title {i}" });
        });

        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.NotNull(r.Conflict));
        Assert.StartsWith("Parallel title ", (await app.WithDbAsync(db => db.Risks.SingleAsync(r => r.Id == risk.Id))).Title);
        Assert.True(await AuditedAsync(nameof(Risk), saved.Id, "Modified"));
    }

    [ProviderFact]
    public async Task SaveUpdate_ManyQuarterlyUpdatesFromOneLoadedVersion_OneSavedOthersStale()
    {
        var action = await app.WithDbAsync(db => db.StrategyActions.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Version }).FirstAsync());
        var quarter = app.Services.CreateScope().ServiceProvider.GetRequiredService<Tracker.App.Features.Meetings.ReviewCycle>().CurrentQuarter;
        var results = await RunAsync<StrategyService>(await AdminAsync(), (s, i) => s.SaveUpdateAsync(action.Id, quarter, action.Version,
            new UpdateSubmission(RagStatus.Green, $"Parallel narrative {i}", null, "Correction agreed by the chair")));

        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.NotNull(r.Conflict));
        Assert.True(await AuditedAsync(nameof(StrategyAction), saved.Id, "Modified"));
    }

    [ProviderFact]
    public async Task OverrideRollUp_ManyFirstOverridesAtOnce_EachSavedOrRefused()
    {
        var objective = await app.WithDbAsync(db => db.Objectives.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var quarter = new FinancialQuarter(2036, 1);
        var results = await RunAsync<StrategyService>(await AdminAsync(), (s, i) => s.OverrideRollUpAsync(RollUpLevel.Objective, objective, quarter,
            new RagOverrideInput(RagStatus.Amber, $"Parallel reason {i}")));

        AssertRefusals(results);
        Assert.Contains(results, r => r.Succeeded);
        var stored = await app.WithDbAsync(db => db.RollUpOverrides.SingleAsync(o => o.TargetId == objective && o.Level == RollUpLevel.Objective && o.Year == quarter.Year && o.Quarter == quarter.Quarter));
        Assert.Contains(results, r => r.Succeeded && r.Id == stored.Id);
        Assert.True(await AuditedAsync(nameof(RollUpOverride), stored.Id, "Added"));
    }

    [ProviderFact]
    public async Task AddMinuteItem_ManyClerksOneNumber_OneRecordedOthersToldNumberIsTaken()
    {
        var meetingId = await app.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup);
            var meeting = Meeting.Schedule(group, DateOnly.FromDateTime(DateTime.Today.AddDays(90)), new TimeOnly(10, 0), "Bromley Civic Centre");
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var number = await app.AsAsync("AM", MeetingsTestData.Administrator, async (meetings, _) => (await meetings.Minutes.GetMinutesAsync(meetingId))!.NextNumber);
        var results = await RunAsync<MinutesService>(await AdminAsync(), (s, i) => s.AddMinuteItemAsync(meetingId,
            new MinuteItemInput(number, $"Parallel item {i}", "Text", "RESOLVED that it is noted.", null, false)));

        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Errors, e => e.Field == nameof(MinuteItemInput.Number)));
        Assert.True(await AuditedAsync(nameof(MinuteItem), saved.Id, "Added"));
    }

    [ProviderFact]
    public async Task CreatePerson_ManyWithOneSetOfInitials_OneSavedOthersToldInitialsAreUsed()
    {
        var results = await RunAsync<Tracker.App.Features.People.PeopleService>(await AdminAsync(), (s, i) => s.CreateAsync(
            new PersonInput($"Parallel Person {i}", "QQX", "Officer", null, null)));

        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Errors, e => e.Field == nameof(PersonInput.Initials) && e.Message == "Initials QQX are already used by someone else"));
        Assert.True(await AuditedAsync(nameof(Person), saved.Id, "Added"));
    }

    [ProviderFact]
    public async Task SaveMetricValue_ManyFirstFiguresForOneQuarter_OneSavedOthersToldFiguresExist()
    {
        var metricId = await app.WithDbAsync(db => db.Metrics.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var results = await RunAsync<MetricsAdminService>(await AdminAsync(), (s, i) => s.SaveValueAsync(metricId, null, 0,
            new MetricValueInput(2037, 2, $"Rolling Year {i}", 100 + i, 120)));

        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Errors, e => e.Field == nameof(MetricValueInput.Quarter)));
        Assert.True(await AuditedAsync(nameof(MetricValue), saved.Id, "Added"));
    }

    [ProviderFact]
    public async Task CloseAndUpdate_ManyAtOnceOnOneMatter_EachSavedOrRefused()
    {
        var matter = await app.WithDbAsync(db => db.MattersArising.AsNoTracking().Where(m => m.Status == MatterStatus.Open).OrderByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Version }).FirstAsync());
        var results = await RunAsync<MattersArisingService>(await AdminAsync(), (s, i) => i % 2 == 0
            ? s.CloseAsync(matter.Id, matter.Version, new CloseMatterInput($"Closed {i}"))
            : s.AddUpdateAsync(matter.Id, new MatterUpdateInput($"Racing update {i}")));

        AssertRefusals(results);
        var stored = await app.WithDbAsync(db => db.MattersArising.AsNoTracking().Include(m => m.Updates).SingleAsync(m => m.Id == matter.Id));
        var closes = results.Where((r, i) => i % 2 == 0 && r.Succeeded).Count();
        Assert.True(closes <= 1);
        Assert.Equal(closes == 1, stored.Status == MatterStatus.Closed);
        Assert.Equal(results.Where((r, i) => i % 2 == 1 && r.Succeeded).Count(), stored.Updates.Count(u => u.Text.StartsWith("Racing update ")));
    }
}

/// <summary>The cases of <see cref="ConcurrentSavesTestsBase"/> on SQLite (the default provider).</summary>
public sealed class ConcurrentSavesTests(TrackerAppFactory app) : ConcurrentSavesTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class ConcurrentSavesTestsOnPostgreSql(PostgreSqlAppFactory app) : ConcurrentSavesTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
