using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

public sealed class MinutesEntryTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task Get_June2019Minutes_SuggestsNumber76AfterMarchsLast75()
    {
        var admin = await app.SignInAsync("admin");
        var page = await admin.GetPageAsync($"/meetings/{await app.MeetingIdAsync(2019, 6, 20)}/minutes");
        Assert.Equal("76", page.QuerySelector("#number")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Get_March2019Minutes_ItemsInOrderWithSubItemsAndOwners()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{await app.MeetingIdAsync(2019, 3, 14)}/minutes");
        var numbers = page.QuerySelectorAll("tr[data-minute]").Select(r => r.GetAttribute("data-minute")).ToList();
        Assert.Equal(22, numbers.Count);
        Assert.Equal(["57", "58"], numbers.Take(2));
        Assert.Equal(["68", "68a", "68b", "68c", "69"], numbers.Skip(11).Take(5));
        Assert.Contains("AM/RV", page.QuerySelector("tr[data-minute='64']")!.TextContent);
        Assert.Null(page.QuerySelector("input[name=_handler][value='minute']"));
    }

    [Fact]
    public async Task Post_ItemWithResolutionNeedingAction_RecordsItAndRaisesMatter()
    {
        var meetingId = await app.MeetingIdAsync(2024, 5, 23);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/meetings/{meetingId}/minutes", "minute", new()
        {
            ["Item.Number"] = "5", ["Item.Title"] = "Domestic Abuse Protection Notices and Orders", ["Item.Text"] = "A presentation on DAPN/DAPO.",
            ["Item.Resolution"] = "RESOLVED that partners brief their teams on DAPOs.", ["Item.Owners"] = "am / rv", ["Item.NeedsAction"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var matter = await app.WithDbAsync(db => db.MattersArising.SingleAsync(m => m.MeetingId == meetingId && m.MinuteNumber == "5"));
        Assert.Equal(("AM/RV", MatterStatus.Open, "RESOLVED that partners brief their teams on DAPOs."), (matter.Owners, matter.Status, matter.ResolutionText));
        var page = await admin.GetPageAsync($"/meetings/{meetingId}/minutes");
        Assert.Equal("6", page.QuerySelector("#number")!.GetAttribute("value"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "MatterArising" && a.EntityKey == matter.Id.ToString()));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Post_UnknownInitials_RefusedListingClosestPeopleAndKeepingInput()
    {
        var meetingId = await app.MeetingIdAsync(2024, 5, 23);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/meetings/{meetingId}/minutes", "minute", new()
        {
            ["Item.Number"] = "40", ["Item.Title"] = "Typed title", ["Item.Resolution"] = "RESOLVED that something happens.",
            ["Item.Owners"] = "AM/RX", ["Item.NeedsAction"] = "true",
        });
        var page = await response.ParseAsync();

        var error = Assert.Single(page.ErrorSummary());
        Assert.StartsWith("No one has the initials RX. Did you mean ", error);
        Assert.Contains("RV (Rob Vale)", error);
        Assert.Equal(error, page.FieldError("owners"));
        Assert.Equal("Typed title", page.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("AM/RX", page.QuerySelector("#owners")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.MinuteItems.AnyAsync(i => i.MeetingId == meetingId && i.Number == 40)));
    }

    [Fact]
    public async Task Post_NumberAlreadyUsedInTheSeries_Refused()
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/meetings/{await app.MeetingIdAsync(2019, 6, 20)}/minutes", "minute",
            new() { ["Item.Number"] = "68a", ["Item.Title"] = "Duplicate" });
        Assert.Equal(["Minute 68a has already been used. Enter a different number"], (await response.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Post_BlankTitleAndOwnersWhenActionNeeded_GovUkMessages()
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync($"/meetings/{await app.MeetingIdAsync(2024, 5, 23)}/minutes", "minute",
            new() { ["Item.Number"] = "41", ["Item.Title"] = "", ["Item.NeedsAction"] = "true" });
        Assert.Equal(
            ["Enter the title of the minute item", "Enter what was resolved, or untick that it needs action", "Enter who owns the action, for example AM/RV, SBP or All Partners"],
            (await response.ParseAsync()).ErrorSummary());
    }

    [Theory]
    [InlineData("PS", Lead)]
    [InlineData("KL", Chair)]
    [InlineData("SB", Member)]
    public async Task AddMinuteItem_NotClerk_Forbidden(string initials, string role)
    {
        var meetingId = await app.MeetingIdAsync(2024, 9, 12);
        var result = await app.AsAsync(initials, role, (meetings, _) =>
            meetings.AddMinuteItemAsync(meetingId, new MinuteItemInput("1", "Title", null, null, null, false)));
        Assert.Equal("Only the clerk (an administrator) can record minutes", result.Denied);
    }

    [Fact]
    public async Task AddResolution_ExistingItem_AddsSecondMatterWithCollectiveOwner()
    {
        var itemId = await app.WithDbAsync(db => db.MinuteItems.Where(i => i.Number == 72).Select(i => i.Id).SingleAsync());
        var result = await app.AsAsync("AM", Administrator, (meetings, _) =>
            meetings.AddResolutionAsync(itemId, new ResolutionInput("RESOLVED that all partners publicise the funded projects.", "All Partners", true)));
        Assert.True(result.Succeeded);
        Assert.Equal("All Partners", await app.WithDbAsync(db => db.MattersArising.Where(m => m.MinuteNumber == "72").Select(m => m.Owners).SingleAsync()));
    }

    [Fact]
    public async Task Get_MeetingPack_AgendaAttendanceSubstitutesAndSubGroupReports()
    {
        var lead = await app.SignInAsync("lead");
        var march = await lead.GetPageAsync($"/meetings/{await app.MeetingIdAsync(2019, 3, 14)}");
        var alsoPresent = march.QuerySelector("[data-attendance=AlsoPresent]")!.TextContent;
        Assert.Contains("Lisa Ramsell (Senior Probation Officer) attended as substitute for Katie Nash", alsoPresent);
        Assert.Contains("Rob Vale", march.QuerySelector("[data-attendance=Apologies]")!.TextContent);

        var june = await lead.GetPageAsync($"/meetings/{await app.MeetingIdAsync(2019, 6, 20)}");
        Assert.Contains("Matters outstanding", june.QuerySelector("table")!.TextContent);
        // The agenda's papers as they stood for the meeting: the report for Quarter Four 2018/19 (the
        // latest complete quarter before 20 June 2019) and the register since the 14 March meeting.
        Assert.NotNull(june.QuerySelector("a[href='/actions/report?year=2018&quarter=4']"));
        Assert.NotNull(june.QuerySelector("a[href='/risks?since=2019-03-14']"));
        var asb = june.QuerySelector("[data-subgroup='ASB and Envirocrime']")!;
        Assert.Contains("Filed 12 June 2019 by Peter Sibley", asb.TextContent);
        Assert.Contains("On time", asb.TextContent);
        // The lead may change their own sub-group's report, and only theirs.
        Assert.NotNull(asb.QuerySelector("a[href*='/sub-group-reports/']"));
        Assert.Null(june.QuerySelector("[data-subgroup='Domestic Abuse and VAWG'] a[href*='/sub-group-reports/']"));
    }

    [Fact]
    public async Task FileSubGroupReport_LeadOfAnotherSubGroup_Forbidden()
    {
        var meetingId = await app.MeetingIdAsync(2024, 5, 23);
        var (asb, vawg) = await app.WithDbAsync(async db => (
            await db.Groups.Where(g => g.ShortName == "ASB and Envirocrime").Select(g => g.Id).SingleAsync(),
            await db.Groups.Where(g => g.ShortName == "Domestic Abuse and VAWG").Select(g => g.Id).SingleAsync()));
        var input = new SubGroupReportInput("Operations continue.", null, null, null);

        var refused = await app.AsAsync("PS", Lead, (meetings, _) => meetings.FileSubGroupReportAsync(meetingId, vawg, 0, input));
        Assert.Equal("Only the lead of the Domestic Abuse and VAWG sub-group can file its report", refused.Denied);
        var filed = await app.AsAsync("PS", Lead, (meetings, _) => meetings.FileSubGroupReportAsync(meetingId, asb, 0, input));
        Assert.True(filed.Succeeded);
        // 2024 is long past the papers deadline of 16 May 2024: the report is late.
        Assert.True(await app.WithDbAsync(db => db.SubGroupReports.Where(r => r.Id == filed.Id).Select(r => r.IsLate).SingleAsync()));
    }

    [Fact]
    public async Task Get_MeetingsList_ShowsForwardPlan()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/meetings");
        var plan = page.QuerySelector("[data-forward-plan]")!.TextContent;
        // Past meetings (23 May 2024 was still "Scheduled" in the sample data) are not on the forward plan.
        Assert.DoesNotContain("23 May 2024", plan);
        Assert.DoesNotContain("29 February 2024", plan);
    }
}
