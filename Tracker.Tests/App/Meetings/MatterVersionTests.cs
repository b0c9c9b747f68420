using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

public sealed class MatterVersionTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task AddUpdate_SecondSameDayUpdate_MovesVersionSoAnEarlierCloseIsStale()
    {
        var id = await app.WithDbAsync(db => db.MattersArising.Where(m => m.Status == MatterStatus.Open).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var first = await app.AsAsync("AM", Administrator, (_, matters) => matters.AddUpdateAsync(id, new MatterUpdateInput("First update today")));
        Assert.True(first.Succeeded);

        var second = await app.AsAsync("AM", Administrator, (_, matters) => matters.AddUpdateAsync(id, new MatterUpdateInput("Second update today")));
        Assert.True(second.Succeeded);
        Assert.True(second.Version > first.Version, "A second same-day update must move the matter's version");

        var close = await app.AsAsync("AM", Administrator, (_, matters) => matters.CloseAsync(id, first.Version, new CloseMatterInput("Done")));
        Assert.NotNull(close.Conflict);
        Assert.Equal(MatterStatus.Open, await app.WithDbAsync(db => db.MattersArising.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }
}
