using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

public sealed class ForwardPlanTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    static DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(DateTimeOffset.UtcNow));

    [Fact]
    public async Task ForwardPlan_SampleDataWithPastScheduledMeetings_ListsComingMeetingsOnly()
    {
        var plan = await app.AsAsync("AM", Member, (meetings, _) => meetings.ForwardPlanAsync());
        Assert.NotEmpty(plan);
        Assert.All(plan, m => Assert.True(m.Date >= Today, $"{m.Group} {m.Date} has passed"));
    }

    [Fact]
    public async Task PastMeetings_SampleData_ListedSeparatelyAndNeverScheduled()
    {
        var past = await app.AsAsync("AM", Member, (meetings, _) => meetings.PastMeetingsAsync());
        Assert.NotEmpty(past);
        Assert.All(past, m => Assert.True(m.Date < Today));
        Assert.All(past, m => Assert.True(m.Status >= MeetingStatus.Held, $"{m.Group} {m.Date} shows as {m.Status.Text()}"));
    }

    [Fact]
    public async Task List_PastMeetingStillScheduledInData_NotShownAsScheduled()
    {
        var all = await app.AsAsync("AM", Member, (meetings, _) => meetings.ListAsync());
        Assert.All(all.Where(m => m.Date < Today), m => Assert.True(m.Status >= MeetingStatus.Held, $"{m.Group} {m.Date} shows as {m.Status.Text()}"));
    }

    [Fact]
    public async Task ForwardPlanAndPack_ComingMeeting_ShowGeneralQuestionDeadline()
    {
        var plan = await app.AsAsync("AM", Member, (meetings, _) => meetings.ForwardPlanAsync());
        var next = plan.First();
        var deadline = UkDates.Long(QuestionDeadlines.For(next.Date, null).General);
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/meetings/forward-plan");
        Assert.Contains($"Questions by {deadline}", page.QuerySelector("[data-forward-plan] [data-questions-by]")!.TextContent);
        var pack = await member.GetPageAsync($"/meetings/{next.Id}");
        Assert.Contains($"General questions by {deadline}", pack.QuerySelector("[data-question-deadlines]")!.TextContent);
    }
}
