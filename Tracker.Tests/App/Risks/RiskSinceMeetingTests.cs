using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Risks;
using Tracker.Domain.Common;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>Direction of travel is measured since the last Strategic Group meeting unless another date is chosen.</summary>
public sealed class RiskSinceMeetingTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    static DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));

    Task<(int Id, DateOnly Date)> LastMeetingAsync() => app.WithDbAsync(async db =>
    {
        var m = await db.Meetings.Where(m => m.Group!.Kind == GroupKind.StrategicGroup && m.Date < Today)
            .OrderByDescending(m => m.Date).Select(m => new { m.Id, m.Date }).FirstAsync();
        return (m.Id, m.Date);
    });

    [Fact]
    public async Task GetDefaultSince_SampleCycle_DateOfTheLastStrategicGroupMeeting()
    {
        var last = await LastMeetingAsync();
        // The sample cycle's last meeting was held about two months ago.
        Assert.InRange(Today.DayNumber - last.Date.DayNumber, 55, 70);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(last.Date, await scope.ServiceProvider.GetRequiredService<RiskService>().GetDefaultSinceAsync());
    }

    [Fact]
    public async Task Get_Default_ShowsTheMeetingComparedWithAndVariedDirections()
    {
        var last = await LastMeetingAsync();
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks");

        var since = page.QuerySelector("[data-since]")!;
        Assert.Contains($"Direction of travel is measured since the last Strategic Group meeting, on {UkDates.Long(last.Date)}.",
            string.Join(" ", since.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.NotNull(since.QuerySelector($"a[href='/meetings/{last.Id}']"));
        Assert.Equal(last.Date.ToString("yyyy-MM-dd"), page.QuerySelector("input#since")!.GetAttribute("value"));
        Assert.Contains($"Direction of travel since {UkDates.Long(last.Date)}", page.QuerySelector("[data-risk-table] caption, caption")!.TextContent);
        // The reassessments line up with the meetings: worse, better and unchanged since the last one.
        var directions = page.QuerySelectorAll("[data-risk-table] [data-direction]").Select(d => d.GetAttribute("data-direction")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "worse", "better", "unchanged" }, directions);
    }

    [Fact]
    public async Task Get_SinceAnEarlierMeeting_OverrideNamesThatMeeting()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks?since=2024-02-29");
        var since = page.QuerySelector("[data-since]")!;
        Assert.Contains("the Strategic Group meeting on 29 February 2024, the date chosen", since.TextContent);
        Assert.NotNull(since.QuerySelector("a[href='/risks']"));
        Assert.Equal("2024-02-29", page.QuerySelector("input#since")!.GetAttribute("value"));
        Assert.Contains("Direction of travel since 29 February 2024", page.QuerySelector("caption")!.TextContent);
    }

    [Fact]
    public async Task Get_SinceADateWithoutAMeeting_ShownAsTheDateChosen()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/risks?since=2026-01-15&sort=reference");
        var since = page.QuerySelector("[data-since]")!;
        Assert.Contains("15 January 2026, the date chosen", since.TextContent);
        // "Compare with the last meeting" keeps the other filters and drops only the date.
        Assert.NotNull(since.QuerySelector("a[href='/risks?sort=reference']"));
    }
}
