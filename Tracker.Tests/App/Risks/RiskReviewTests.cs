using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The meeting's review of a risk, as the service records it.</summary>
public sealed class RiskReviewTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    Task<RiskService> ChairAsync() => app.WritesAsync(TrackerRoles.Chair, "KL");

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

        var result = await (await ChairAsync()).RecordReviewAsync(id, "29/02/2024", "Reviewed", null);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message == $"{reference} is closed: reopen it before recording a review");
        Assert.Equal(before, await app.WithDbAsync(db => db.RiskReviews.CountAsync()));
    }

    [Fact]
    public async Task RecordReview_MissingRisk_RefusedAsMissing()
    {
        var result = await (await ChairAsync()).RecordReviewAsync(999_999, "29/02/2024", "Reviewed", null);
        Assert.True(result.NotFound);
    }

    [Fact]
    public async Task RecordReview_OpenRisk_SavedAgainstThatRiskOnlyAndNextReviewMovesOn()
    {
        var risk = await app.RiskAsync("R3");
        var result = await (await ChairAsync()).RecordReviewAsync(risk.Id, "29/02/2024", "Named review", "AM to convene");
        Assert.True(result.Succeeded);
        Assert.Equal(risk.Id, result.Id);
        var after = await app.RiskAsync("R3");
        var review = after.Reviews.Single(r => r.Note == "Named review");
        Assert.Equal((new DateOnly(2024, 2, 29), "AM to convene", "Councillor Kate Lymer"), (review.ReviewedOn, review.AgreedChanges, review.ReviewedBy));
        Assert.Equal(new DateOnly(2024, 2, 29).AddMonths(after.ReviewFrequencyMonths), after.NextReviewDate);
    }

    [Theory]
    [InlineData("", "Noted", "ReviewedOn", "Enter the date of the review")]
    [InlineData("31/02/2024", "Noted", "ReviewedOn", "Date of the review must be a real date, like 29/02/2024")]
    [InlineData("29/02/2024", "", "Note", "Enter what the meeting said about the risk")]
    public async Task RecordReview_BadInput_RefusedOnTheField(string date, string note, string field, string message)
    {
        var id = await app.RiskIdAsync("R1");
        var result = await (await ChairAsync()).RecordReviewAsync(id, date, note, null);
        Assert.Equal([(field, message)], result.Errors.Select(e => (e.Field, e.Message)));
    }
}
