using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Admin;
using Tracker.App.Features.People;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Admin;

/// <summary>The audit trail: filters in the partnership's words, by user and dates, a page at a time.</summary>
public sealed class AuditTrailPageTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    AuditQueries Queries => Circuit<AuditQueries>();

    /// <summary>The page at /admin/audit with <paramref name="query"/>, as a bookmarked address opens it.</summary>
    async Task<IRenderedComponent<Audit>> OpenAsync(string query = "")
    {
        await SignInAsAsync("admin");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/audit" + query);
        var cut = Render<Audit>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-audit-table] tbody tr")));
        return cut;
    }

    [Fact]
    public async Task Filter_ByEntity_ShowsOnlyThatTypeInPeoplesWords()
    {
        var cut = await OpenAsync("?entity=Partner");
        var records = cut.FindAll("[data-audit-table] tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.StartsWith("Partner organisation ", r));
    }

    [Fact]
    public async Task RecordTypes_NeverRawTypeNames()
    {
        // A role change writes an IdentityUserRole`1 row; the filter calls it "User role".
        await App.CreateUserAsync("audited-role@example.org", "a-long-enough-password");
        var page = await Queries.SearchAsync(new AuditFilter());
        var labels = page.RecordTypes.Select(t => t.Label).ToList();
        Assert.Contains("User role", labels);
        Assert.Contains("User", labels);
        Assert.Contains("Person", labels);
        Assert.All(labels, l => Assert.DoesNotContain('`', l));
        Assert.DoesNotContain(labels, l => l.StartsWith("Identity", StringComparison.Ordinal) || l == "TrackerUser");
        Assert.Contains(page.RecordTypes, t => t is { EntityType: "IdentityUserRole`1", Label: "User role" });
    }

    [Theory]
    [InlineData("Risk", "Risk")]
    [InlineData("MatterArising", "Matter arising")]
    [InlineData("Person", "Person")]
    [InlineData("QuarterlyUpdate", "Quarterly update")]
    [InlineData("IdentityUserRole`1", "User role")]
    [InlineData("StrategyAction", "Action")]
    [InlineData("SomethingNewLater", "Something new later")]
    [InlineData("IdentityUserPasskey`1", "User passkey")]
    public void Label_TypeName_PeoplesWords(string type, string label) => Assert.Equal(label, AuditRecordTypes.Label(type));

    [Fact]
    public async Task Filter_ByUser_OnlyTheirChanges()
    {
        var (scope, people) = await AsAsync<PeopleService>("admin");
        await using (scope)
        {
            var id = await App.WithDbAsync(db => db.People.Where(p => p.Initials == "AM").Select(p => p.Id).SingleAsync());
            var person = (await people.GetForEditAsync(id))!;
            Assert.True((await people.UpdateAsync(id, person.Version, person.Input with { RoleTitle = "Audited title" })).Succeeded);
        }
        var cut = await OpenAsync("?user=Amanda%20Mumford");
        var who = cut.FindAll("[data-audit-table] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(who);
        Assert.All(who, w => Assert.Equal("Amanda Mumford", w));
        Assert.Contains("Audited title", cut.Find("[data-audit-table]").TextContent);
    }

    [Fact]
    public async Task Filter_ByDates_LondonDaysInclusive()
    {
        var today = DateOnly.FromDateTime(Tracker.Domain.Common.UkDates.ToLondon(DateTimeOffset.UtcNow));
        var all = await Queries.SearchAsync(new AuditFilter());
        var fromToday = await Queries.SearchAsync(new AuditFilter(From: today, To: today));
        var fromTomorrow = await Queries.SearchAsync(new AuditFilter(From: today.AddDays(1)));
        var untilYesterday = await Queries.SearchAsync(new AuditFilter(To: today.AddDays(-1)));
        Assert.True(fromToday.Total > 0);
        Assert.Equal(0, fromTomorrow.Total);
        Assert.Equal(all.Total, fromToday.Total + untilYesterday.Total);
    }

    [Fact]
    public async Task Filter_EndBeforeStart_MessageBesideTheField()
    {
        var cut = await OpenAsync();
        cut.Find("#from").Change("2026-11-30");
        cut.Find("#to").Change("2026-11-01");
        await cut.Find("form[data-audit-filters]").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["The end date must be the same as or after the start date"],
            cut.FindAll("[data-error-summary] li").Select(l => l.TextContent.Trim())));
        Assert.Equal("#to", cut.Find("[data-error-summary] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Filter_Submitted_FiltersLiveInTheAddress()
    {
        var cut = await OpenAsync();
        cut.Find("#from").Change("2026-01-01");
        await cut.Find("form[data-audit-filters]").SubmitAsync();
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/audit?from=2026-01-01", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task Paging_MoreThanAPage_PagesNewestFirstWithLinks()
    {
        var all = await Queries.SearchAsync(new AuditFilter());
        Assert.True(all.Total > AuditQueries.PageSize, "the sample data makes more than a page of changes");
        var second = await Queries.SearchAsync(new AuditFilter(Page: 2));
        Assert.Equal(AuditQueries.PageSize, all.Rows.Count);
        Assert.True(all.Rows[^1].At >= second.Rows[0].At);

        var cut = await OpenAsync("?page=2");
        Assert.Contains("page 2 of", cut.Find("[data-audit-total]").TextContent);
        Assert.Equal("/admin/audit", cut.Find("[data-audit-pager] a[rel=prev]").GetAttribute("href"));
        Assert.Contains("page=3", cut.Find("[data-audit-pager] a[rel=next]")?.GetAttribute("href") ?? "page=3");
    }

    [Fact]
    public async Task Record_Link_FiltersToThatRecord()
    {
        var cut = await OpenAsync("?entity=Partner");
        var href = cut.Find("[data-audit-table] tbody tr td:nth-child(3) a").GetAttribute("href")!;
        Assert.Matches(@"^/admin/audit\?entity=Partner&key=\d+$", href);
    }
}
