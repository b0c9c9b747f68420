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

public sealed class RiskReviewTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    Task<T> AsChairAsync<T>(Func<RiskService, Task<T>> work) => app.WithDbAsync(async db =>
    {
        await using var calendarScope = app.Services.CreateAsyncScope();
        var person = await db.People.OrderBy(p => p.Id).FirstAsync();
        return await work(new RiskService(db, new StubUser(person.Name, person.Id, TrackerRoles.Chair), TimeProvider.System, new StrategicGroupCalendar(calendarScope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>())));
    });

    [Fact]
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

    [Fact]
    public async Task RecordReview_MissingRisk_RefusedAsMissing()
    {
        var result = await AsChairAsync(s => s.RecordReviewAsync(999_999, "29/02/2024", "Reviewed", null));
        Assert.True(result.NotFound);
    }

    [Fact]
    public async Task RecordReview_OpenRisk_SavedAgainstThatRiskOnly()
    {
        var id = await app.WithDbAsync(db => db.Risks.Where(r => r.Status == RiskStatus.Open).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var result = await AsChairAsync(s => s.RecordReviewAsync(id, "29/02/2024", "Named review", null));
        Assert.True(result.Succeeded);
        Assert.Equal(id, result.Id);
        Assert.Equal(id, await app.WithDbAsync(db => db.RiskReviews.Where(r => r.Note == "Named review").Select(r => r.RiskId).SingleAsync()));
    }
}
