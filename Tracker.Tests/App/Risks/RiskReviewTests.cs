using Tracker.App.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

public abstract class RiskReviewTestsBase(TrackerAppFactory app)
{
    Task<T> AsChairAsync<T>(Func<RiskService, Task<T>> work) => app.WithDbAsync(async db =>
    {
        await using var calendarScope = app.Services.CreateAsyncScope();
        var person = await db.People.OrderBy(p => p.Id).FirstAsync();
        return await work(new RiskService(db, new StubUser(person.Name, person.Id, TrackerRoles.Chair), TimeProvider.System, new StrategicGroupCalendar(calendarScope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>())));
    });

    [ProviderFact]
    public async Task RecordReview_ClosedRisk_RefusedWithMessageAndNothingSaved()
    {
        var (id, reference) = await app.WithDbAsync(async db =>
        {
            var risk = await db.Risks.Where(r => r.Status == RiskStatus.Open).OrderByDescending(r => r.Id).FirstAsync();
            risk.Status = RiskStatus.Closed;
            risk.ClosingNote = "Closed for the test";
            await db.SaveChangesAsync();
            return (risk.Id, risk.Reference);
        });
        var before = await app.WithDbAsync(db => db.RiskReviews.CountAsync());

        var result = await AsChairAsync(s => s.RecordReviewAsync(id, "29/02/2024", "Reviewed", null));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message == $"{reference} is closed: reopen it before recording a review");
        Assert.Equal(before, await app.WithDbAsync(db => db.RiskReviews.CountAsync()));
    }

    [ProviderFact]
    public async Task RecordReview_MissingRisk_RefusedAsMissing()
    {
        var result = await AsChairAsync(s => s.RecordReviewAsync(999_999, "29/02/2024", "Reviewed", null));
        Assert.True(result.NotFound);
    }

    [ProviderFact]
    public async Task RecordReview_OpenRisk_SavedAgainstThatRiskOnly()
    {
        var id = await app.WithDbAsync(db => db.Risks.Where(r => r.Status == RiskStatus.Open).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var result = await AsChairAsync(s => s.RecordReviewAsync(id, "29/02/2024", "Named review", null));
        Assert.True(result.Succeeded);
        Assert.Equal(id, result.Id);
        Assert.Equal(id, await app.WithDbAsync(db => db.RiskReviews.Where(r => r.Note == "Named review").Select(r => r.RiskId).SingleAsync()));
    }
}

/// <summary>The cases of <see cref="RiskReviewTestsBase"/> on SQLite (the default provider).</summary>
public sealed class RiskReviewTests(TrackerAppFactory app) : RiskReviewTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class RiskReviewTestsOnPostgreSql(PostgreSqlAppFactory app) : RiskReviewTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
