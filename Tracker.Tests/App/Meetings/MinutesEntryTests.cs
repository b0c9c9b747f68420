using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Meetings;
using Tracker.Tests.Support;
using static Tracker.Tests.App.Meetings.MeetingsTestData;

namespace Tracker.Tests.App.Meetings;

public sealed class MinutesEntryTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    async Task<IRenderedComponent<MinutesPage>> OpenAsync(string account, int meetingId)
    {
        await SignInAsAsync(account);
        var cut = Render<MinutesPage>(p => p.Add(c => c.Id, meetingId));
        cut.WaitForElement("h1");
        return cut;
    }

    static void Type(IRenderedComponent<MinutesPage> cut, string id, string value) => cut.Find($"#{id}").Input(value);

    static IEnumerable<string> Summary(IRenderedComponent<MinutesPage> cut) => cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim());

    [Fact]
    public async Task Render_June2019Minutes_SuggestsNumber76AfterMarchsLast75()
    {
        var cut = await OpenAsync("admin", await App.MeetingIdAsync(2019, 6, 20));
        cut.WaitForAssertion(() => Assert.Equal("76", cut.Find("#Number").GetAttribute("value")));
    }

    [Fact]
    public async Task Get_March2019Minutes_ItemsInOrderWithSubItemsAndOwners()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync($"/meetings/{await App.MeetingIdAsync(2019, 3, 14)}/minutes");
        var numbers = page.QuerySelectorAll("tr[data-minute]").Select(r => r.GetAttribute("data-minute")).ToList();
        Assert.Equal(22, numbers.Count);
        Assert.Equal(["57", "58"], numbers.Take(2));
        Assert.Equal(["68", "68a", "68b", "68c", "69"], numbers.Skip(11).Take(5));
        Assert.Contains("AM/RV", page.QuerySelector("tr[data-minute='64']")!.TextContent);
        Assert.Null(page.QuerySelector("#Number"));
        // As the source minutes do, the minutes open with Present, Also present and Apologies.
        Assert.Equal(["Present", "Also present", "Apologies"], page.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()).Take(3));
        Assert.Contains("Lisa Ramsell (Senior Probation Officer) (substituting for Katie Nash)", page.QuerySelector("[data-attendance=AlsoPresent]")!.TextContent);
        Assert.Contains("Rob Vale", page.QuerySelector("[data-attendance=Apologies]")!.TextContent);
        // As minute 101 of 003 puts it: "Apologies were also received from Colin Powell …; Conal Percy attended as substitute."
        Assert.Contains("Katie Nash; Lisa Ramsell attended as substitute", page.QuerySelector("[data-attendance=Apologies]")!.TextContent);
    }

    [Fact]
    public async Task Save_ItemWithResolutionNeedingAction_RecordsItAndRaisesMatter()
    {
        var meetingId = await App.MeetingIdAsync(2024, 5, 23);
        var cut = await OpenAsync("admin", meetingId);
        Type(cut, "Number", "5");
        Type(cut, "Title", "Domestic Abuse Protection Notices and Orders");
        Type(cut, "Text", "A presentation on DAPN/DAPO.");
        Type(cut, "Resolution", "RESOLVED that partners brief their teams on DAPOs.");
        Type(cut, "Owners", "am / rv");
        cut.Find("#NeedsAction input, input#NeedsAction").Change(true);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("6", cut.Find("#Number").GetAttribute("value")));
        Assert.Contains("AM/RV", cut.Find("tr[data-minute='5']").TextContent);
        Assert.Equal("", cut.Find("#Title").GetAttribute("value") ?? "");
        var matter = await App.WithDbAsync(db => db.MattersArising.SingleAsync(m => m.MeetingId == meetingId && m.MinuteNumber == "5"));
        Assert.Equal(("AM/RV", MatterStatus.Open, "RESOLVED that partners brief their teams on DAPOs."), (matter.Owners, matter.Status, matter.ResolutionText));
        var audit = await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "MatterArising" && a.EntityKey == matter.Id.ToString()));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Save_UnknownInitials_RefusedListingClosestPeopleAndKeepingInput()
    {
        var meetingId = await App.MeetingIdAsync(2024, 5, 23);
        var cut = await OpenAsync("admin", meetingId);
        Type(cut, "Number", "40");
        Type(cut, "Title", "Typed title");
        Type(cut, "Resolution", "RESOLVED that something happens.");
        Type(cut, "Owners", "AM/RX");
        cut.Find("#NeedsAction input, input#NeedsAction").Change(true);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Single(Summary(cut)));
        var error = Summary(cut).Single();
        Assert.StartsWith("No one has the initials RX. Did you mean ", error);
        Assert.Contains("RV (Rob Vale)", error);
        Assert.Equal("#Owners", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Contains(error, cut.Find(".mud-input-control:has(#Owners)").TextContent);
        Assert.Equal("Typed title", cut.Find("#Title").GetAttribute("value"));
        Assert.Equal("AM/RX", cut.Find("#Owners").GetAttribute("value"));
        Assert.False(await App.WithDbAsync(db => db.MinuteItems.AnyAsync(i => i.MeetingId == meetingId && i.Number == 40)));
    }

    [Fact]
    public async Task Save_NumberAlreadyUsedInTheSeries_Refused()
    {
        var cut = await OpenAsync("admin", await App.MeetingIdAsync(2019, 6, 20));
        Type(cut, "Number", "68a");
        Type(cut, "Title", "Duplicate");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Minute 68a has already been used. Enter a different number"], Summary(cut)));
        Assert.Equal("#Number", cut.Find("[data-error-summary] a").GetAttribute("href"));
    }

    [Fact]
    public async Task AddMinuteItem_BlankTitleAndOwnersWhenActionNeeded_MessagesOnTheirFields()
    {
        var meetingId = await App.MeetingIdAsync(2024, 5, 23);
        var result = await App.AsAsync("AM", Administrator, (s, _) => s.Minutes.AddMinuteItemAsync(meetingId, new MinuteItemInput("41", "", null, null, null, true)));
        Assert.Equal(
            [
                (nameof(MinuteItemInput.Title), "Enter the title of the minute item"),
                (nameof(MinuteItemInput.Resolution), "Enter what was resolved, or untick that it needs action"),
                (nameof(MinuteItemInput.Owners), "Enter who owns the action, for example AM/RV, SBP or All Partners"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Theory]
    [InlineData("PS", Lead)]
    [InlineData("KL", Chair)]
    [InlineData("SB", Member)]
    public async Task AddMinuteItem_NotClerk_Forbidden(string initials, string role)
    {
        var meetingId = await App.MeetingIdAsync(2024, 9, 12);
        var result = await App.AsAsync(initials, role, (s, _) =>
            s.Minutes.AddMinuteItemAsync(meetingId, new MinuteItemInput("1", "Title", null, null, null, false)));
        Assert.Equal("Only the clerk (an administrator) can record minutes", result.Denied);
    }

    [Fact]
    public async Task AddResolution_ExistingItem_AddsSecondMatterWithCollectiveOwner()
    {
        var itemId = await App.WithDbAsync(db => db.MinuteItems.Where(i => i.Number == 72).Select(i => i.Id).SingleAsync());
        // The March 2019 minutes are agreed: a resolution added now is a correction and needs a reason.
        var refused = await App.AsAsync("AM", Administrator, (s, _) =>
            s.Minutes.AddResolutionAsync(itemId, new ResolutionInput("RESOLVED that all partners publicise the funded projects.", "All Partners", true)));
        Assert.Equal("Enter why the agreed minutes are being corrected", Assert.Single(refused.Errors).Message);
        var result = await App.AsAsync("AM", Administrator, (s, _) =>
            s.Minutes.AddResolutionAsync(itemId, new ResolutionInput("RESOLVED that all partners publicise the funded projects.", "All Partners", true, "Omitted from the minutes agreed")));
        Assert.True(result.Succeeded);
        Assert.Equal("All Partners", await App.WithDbAsync(db => db.MattersArising.Where(m => m.MinuteNumber == "72").Select(m => m.Owners).SingleAsync()));
    }

    [Fact]
    public async Task AddResolution_Form_BlankTextRefusedOnItsField()
    {
        var itemId = await App.WithDbAsync(db => db.MinuteItems.Where(i => i.Number == 73).Select(i => new { i.Id, i.MeetingId }).SingleAsync());
        await SignInAsAsync("admin");
        var cut = Render<ResolutionNew>(p => p.Add(c => c.MeetingId, itemId.MeetingId).Add(c => c.ItemId, itemId.Id));
        cut.Find("#Owners").Input("AM");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-error-summary] li")));
        Assert.Equal("#Text", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Equal("AM", cut.Find("#Owners").GetAttribute("value"));
    }

    [Fact]
    public async Task MinutesPage_ClerkRecordsElsewhere_ChairsOpenPageShowsItAndKeepsTyping()
    {
        var meetingId = await App.NewMeetingAsync(80);
        var cut = await OpenAsync("admin", meetingId);
        var suggested = cut.Find("#Number").GetAttribute("value");
        Type(cut, "Title", "Half-typed by this clerk");
        var other = await App.AsAsync("AM", Administrator, (s, _) =>
            s.Minutes.AddMinuteItemAsync(meetingId, new MinuteItemInput(suggested, "Recorded elsewhere", "Noted.", null, null, false)));
        Assert.True(other.Succeeded);

        cut.WaitForAssertion(() => Assert.Contains("Recorded elsewhere", cut.Find($"tr[data-minute='{suggested}']").TextContent));
        Assert.Equal("Half-typed by this clerk", cut.Find("#Title").GetAttribute("value"));
        Assert.NotEqual(suggested, cut.Find("#Number").GetAttribute("value"));
    }

    [Fact]
    public async Task Get_MeetingPack_AgendaAttendanceSubstitutesAndSubGroupReports()
    {
        var lead = await App.SignInAsync("lead");
        var march = await lead.GetPageAsync($"/meetings/{await App.MeetingIdAsync(2019, 3, 14)}");
        var alsoPresent = march.QuerySelector("[data-attendance=AlsoPresent]")!.TextContent;
        Assert.Contains("Lisa Ramsell (Senior Probation Officer) (substituting for Katie Nash)", alsoPresent);
        Assert.Contains("Rob Vale", march.QuerySelector("[data-attendance=Apologies]")!.TextContent);

        var june = await lead.GetPageAsync($"/meetings/{await App.MeetingIdAsync(2019, 6, 20)}");
        Assert.Contains("Matters outstanding", june.QuerySelector("[data-agenda]")!.TextContent);
        // The agenda's papers as they stood for the meeting: the report for Quarter Four 2018/19 (the
        // latest complete quarter before 20 June 2019) and the register since the 14 March meeting, both as at the papers deadline.
        Assert.NotNull(june.QuerySelector("a[href='/actions/report?year=2018&quarter=4&asAt=2019-06-13']"));
        Assert.NotNull(june.QuerySelector("a[href='/risks/print?since=2019-03-14&asAt=2019-06-13']"));
        var asb = june.QuerySelector("[data-subgroup='ASB and Envirocrime']")!;
        Assert.Contains("Filed 12 June 2019 by Peter Sibley", asb.TextContent);
        Assert.Contains("On time", asb.TextContent);
        // The lead may change their own sub-group's report, and only theirs; others may read it.
        Assert.Contains(asb.QuerySelectorAll("a[href*='/sub-group-reports/']"), a => a.TextContent == "Change the ASB and Envirocrime report");
        Assert.DoesNotContain(june.QuerySelectorAll("[data-subgroup='Domestic Abuse and VAWG'] a[href*='/sub-group-reports/']"),
            a => a.TextContent.StartsWith("Change") || a.TextContent.StartsWith("File"));
    }

    [Fact]
    public async Task SubGroupReport_LeadOfItsGroupSeesTheForm_OtherLeadReadsIt()
    {
        var meetingId = await App.NewMeetingAsync(30);
        var (asb, vawg) = await App.WithDbAsync(async db => (
            await db.Groups.Where(g => g.ShortName == "ASB and Envirocrime").Select(g => g.Id).SingleAsync(),
            await db.Groups.Where(g => g.ShortName == "Domestic Abuse and VAWG").Select(g => g.Id).SingleAsync()));
        await SignInAsAsync("lead");
        var pack = Render<MeetingPackPage>(p => p.Add(c => c.Id, meetingId));
        pack.WaitForElement("[data-subgroup='ASB and Envirocrime']");
        Assert.Contains("File the ASB and Envirocrime report", pack.Find("[data-subgroup='ASB and Envirocrime']").TextContent);
        Assert.Empty(pack.FindAll("[data-subgroup='Domestic Abuse and VAWG'] a"));

        var own = Render<SubGroupReportPage>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.GroupId, asb));
        own.WaitForElement("#OperationalUpdate");
        var other = Render<SubGroupReportPage>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.GroupId, vawg));
        other.WaitForElement("h1");
        Assert.Empty(other.FindAll("form"));
        Assert.Contains("Not filed yet.", other.Markup);

        own.Find("#OperationalUpdate").Input("Operations continue.");
        await own.Find("form").SubmitAsync();
        own.WaitForAssertion(() => Assert.EndsWith($"/meetings/{meetingId}#sub-group-reports", Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.Uri));
        pack.WaitForAssertion(() => Assert.Contains("Operations continue.", pack.Find("[data-subgroup='ASB and Envirocrime']").TextContent));
    }

    [Fact]
    public async Task FileSubGroupReport_LeadOfAnotherSubGroup_Forbidden()
    {
        var meetingId = await App.MeetingIdAsync(2024, 5, 23);
        var (asb, vawg) = await App.WithDbAsync(async db => (
            await db.Groups.Where(g => g.ShortName == "ASB and Envirocrime").Select(g => g.Id).SingleAsync(),
            await db.Groups.Where(g => g.ShortName == "Domestic Abuse and VAWG").Select(g => g.Id).SingleAsync()));
        var input = new SubGroupReportInput("Operations continue.", null, null, null);

        var refused = await App.AsAsync("PS", Lead, (s, _) => s.Reports.FileSubGroupReportAsync(meetingId, vawg, 0, input));
        Assert.Equal("Only the lead of the Domestic Abuse and VAWG sub-group can file its report", refused.Denied);
        var filed = await App.AsAsync("PS", Lead, (s, _) => s.Reports.FileSubGroupReportAsync(meetingId, asb, 0, input));
        Assert.True(filed.Succeeded);
        // 2024 is long past the papers deadline of 16 May 2024: the report is late.
        Assert.True(await App.WithDbAsync(db => db.SubGroupReports.Where(r => r.Id == filed.Id).Select(r => r.IsLate).SingleAsync()));
    }

    [Fact]
    public async Task Get_MeetingsList_ShowsForwardPlan()
    {
        var member = await App.SignInAsync("member");
        var page = await member.GetPageAsync("/meetings");
        var plan = page.QuerySelector("[data-forward-plan]")!.TextContent;
        // Past meetings (23 May 2024 was still "Scheduled" in the sample data) are not on the forward plan.
        Assert.DoesNotContain("23 May 2024", plan);
        Assert.DoesNotContain("29 February 2024", plan);
    }
}
