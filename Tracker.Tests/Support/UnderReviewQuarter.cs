using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.Support;

public static class UnderReviewQuarter
{
    /// <summary>The quarter under review in the app (the one the next Strategic Group meeting reviews): what pages default to.</summary>
    public static async Task<UnderReview> UnderReviewAsync(this TrackerAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewCycle>().NowAsync();
    }

    /// <summary>The quarter under review, for tests' static-looking helpers (xUnit has no synchronisation context to block).</summary>
    public static FinancialQuarter QuarterUnderReview(this TrackerAppFactory app) => app.UnderReviewAsync().GetAwaiter().GetResult().Quarter;
}
