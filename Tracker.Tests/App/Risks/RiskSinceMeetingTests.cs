using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Features.Risks;
using Tracker.Domain.Common;
using Tracker.Domain.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>Direction of travel is measured since the last Strategic Group meeting unless another date is chosen.</summary>
public sealed class RiskSinceMeetingTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    static DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));

    Task<(int Id, DateOnly Date)> LastMeetingAsync() => App.WithDbAsync(async db =>
    {
        var m = await db.Meetings.Where(m => m.Group!.Kind == GroupKind.StrategicGroup && m.Date < Today)
            .OrderByDescending(m => m.Date).Select(m => new { m.Id, m.Date }).FirstAsync();
        return (m.Id, m.Date);
    });

    async Task<IRenderedComponent<RiskRegisterPage>> OpenAsync(string query)
    {
        await SignInAsAsync("member");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/risks" + query);
        var cut = Render<RiskRegisterPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-since]")));
        return cut;
    }

    static string Words(string text) => string.Join(" ", text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task GetDefaultSince_SampleCycle_DateOfTheLastStrategicGroupMeeting()
    {
        var last = await LastMeetingAsync();
        // The sample cycle's last meeting was held about two months ago.
        Assert.InRange(Today.DayNumber - last.Date.DayNumber, 55, 70);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(last.Date, await scope.ServiceProvider.GetRequiredService<RiskRegisterQueries>().GetDefaultSinceAsync());
    }

    [Fact]
    public async Task Register_Default_ShowsTheMeetingComparedWithAndVariedDirections()
    {
        var last = await LastMeetingAsync();
        var cut = await OpenAsync("");

        var since = cut.Find("[data-since]");
        Assert.Contains($"Direction of travel is measured since the last Strategic Group meeting, on {UkDates.Long(last.Date)}.", Words(since.TextContent));
        Assert.NotNull(since.QuerySelector($"a[href='/meetings/{last.Id}']"));
        cut.Find("[data-filters-toggle]").Click(); // the field is made when the filters are opened
        Assert.Equal(last.Date.ToString("yyyy-MM-dd"), cut.Find("input#since").GetAttribute("value"));
        Assert.Contains($"Direction of travel since {UkDates.Long(last.Date)}", cut.Find("[data-risk-table] caption").TextContent);
        // The reassessments line up with the meetings: worse, better and unchanged since the last one.
        var directions = cut.FindAll("[data-risk-table] [data-direction]").Select(d => d.GetAttribute("data-direction")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "worse", "better", "unchanged" }, directions);
    }

    [Fact]
    public async Task Register_SinceAnEarlierMeeting_OverrideNamesThatMeeting()
    {
        var cut = await OpenAsync("?since=2024-02-29");
        var since = cut.Find("[data-since]");
        Assert.Contains("the Strategic Group meeting on 29 February 2024, the date chosen", since.TextContent);
        Assert.NotNull(since.QuerySelector("a[href='/risks']"));
        cut.Find("[data-filters-toggle]").Click();
        Assert.Equal("2024-02-29", cut.Find("input#since").GetAttribute("value"));
        Assert.Contains("Direction of travel since 29 February 2024", cut.Find("caption").TextContent);
    }

    [Fact]
    public async Task Register_SinceADateWithoutAMeeting_ShownAsTheDateChosen()
    {
        var cut = await OpenAsync("?since=2026-01-15&sort=reference");
        var since = cut.Find("[data-since]");
        Assert.Contains("15 January 2026, the date chosen", since.TextContent);
        // "Compare with the last meeting" keeps the other filters and drops only the date.
        Assert.NotNull(since.QuerySelector("a[href='/risks?sort=reference']"));
    }
}
