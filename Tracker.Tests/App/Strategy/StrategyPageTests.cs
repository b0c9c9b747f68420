using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Common;
using Tracker.App.Features.Strategy;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Strategy;

public sealed class StrategyPageTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    static FinancialQuarter Current => FinancialQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow));

    Task<int> ActionIdAsync(string number) =>
        app.WithDbAsync(db => db.StrategyActions.Where(a => a.Number == number && a.Objective!.Priority!.Number == 1).Select(a => a.Id).SingleAsync());

    Task<int> StrategyIdAsync() => app.WithDbAsync(db => db.Strategies.Select(s => s.Id).FirstAsync());

    Task<List<QuarterlyUpdate>> UpdatesAsync(int actionId, FinancialQuarter q) =>
        app.WithDbAsync(db => db.QuarterlyUpdates.Where(u => u.ActionId == actionId && u.Year == q.Year && u.Quarter == q.Quarter).OrderBy(u => u.Id).ToListAsync());

    [Fact]
    public async Task Update_LeadOfOwningGroup_SavedAndShownInReportAndTimeline()
    {
        // 5.1 is owned by Toby Smith and the ASB and Envirocrime Sub-Group, which Peter Sibley leads.
        var id = await ActionIdAsync("5.1");
        var versionsBefore = await app.WithDbAsync(db => db.StrategyActions.ToDictionaryAsync(a => a.Id, a => a.Version));
        var lead = await app.SignInAsync("lead");
        var response = await lead.PostFormAsync($"/actions/{id}/update", "action-update", new()
        {
            ["Form.Rag"] = "Amber",
            ["Form.Narrative"] = "Two deployable cameras are out of action.\n\nWe are:\n- replacing them\n- <script>alert(1)</script> moving others",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/actions/{id}?saved=true", response.Headers.Location!.OriginalString);
        var saved = Assert.Single(await UpdatesAsync(id, Current));
        Assert.Equal((RagStatus.Amber, "Peter Sibley"), (saved.Rag, saved.AuthorName));
        // Saving one action never touches another.
        var versionsAfter = await app.WithDbAsync(db => db.StrategyActions.ToDictionaryAsync(a => a.Id, a => a.Version));
        Assert.Equal([id], versionsAfter.Where(v => versionsBefore[v.Key] != v.Value).Select(v => v.Key));

        var strategy = await StrategyIdAsync();
        var report = await lead.GetPageAsync($"/actions/report?strategy={strategy}&year={Current.Year}&quarter={Current.Quarter}");
        var row = report.QuerySelector("[data-report-action='5.1']")!;
        Assert.Contains("Two deployable cameras are out of action.", row.TextContent);
        Assert.Equal(["replacing them", "<script>alert(1)</script> moving others"], row.QuerySelectorAll("li").Select(li => li.TextContent).ToArray());
        Assert.Null(row.QuerySelector("script"));
        Assert.Equal("Amber", row.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));

        var page = await lead.GetPageAsync($"/actions/{id}?saved=true");
        Assert.Contains("has been saved", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("Amber", page.QuerySelector($"[data-quarter='{Current.Key}'] [data-rag]")!.GetAttribute("data-rag"));
        Assert.Equal("Green", page.QuerySelector("[data-quarter='20204'] [data-rag]")!.GetAttribute("data-rag"));
    }

    [Fact]
    public async Task Update_AmberWithoutNarrative_ErrorsAndNothingSaved()
    {
        var id = await ActionIdAsync("3.2");
        var lead = await app.SignInAsync("lead");
        var page = await (await lead.PostFormAsync($"/actions/{id}/update", "action-update",
            new() { ["Form.Rag"] = "Amber", ["Form.Narrative"] = "", ["Form.EvidenceLink"] = "not a link" })).ParseAsync();

        Assert.Equal(["Enter a narrative explaining why the action is Amber",
            "Enter the evidence link as a full web address, like https://www.bromley.gov.uk/report"], page.ErrorSummary());
        Assert.Equal("Enter a narrative explaining why the action is Amber", page.FieldError("narrative"));
        Assert.Equal("#narrative", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Empty(await UpdatesAsync(id, Current));
    }

    [Fact]
    public async Task Update_NoRag_SelectARagStatus()
    {
        var id = await ActionIdAsync("3.2");
        var lead = await app.SignInAsync("lead");
        var page = await (await lead.PostFormAsync($"/actions/{id}/update", "action-update", new() { ["Form.Narrative"] = "Text" })).ParseAsync();
        Assert.Equal(["Select a RAG status"], page.ErrorSummary());
        Assert.Equal("Text", page.QuerySelector("#narrative")!.TextContent);
    }

    [Theory]
    [InlineData("lead", "1.3")]   // owned by Chief Inspector Craig Knight alone
    [InlineData("member", "1.2")]
    public async Task Update_NotTheirs_PageRefusesAndNothingSaved(string account, string number)
    {
        var id = await ActionIdAsync(number);
        var admin = await app.SignInAsync("admin");
        var form = (await admin.GetPageAsync($"/actions/{id}/update")).FormNamed("action-update").CurrentValues();
        form["Form.Rag"] = "Red";
        form["Form.Narrative"] = "Not mine to change";
        var client = await app.SignInAsync(account);
        var page = await client.GetPageAsync($"/actions/{id}/update");
        Assert.Contains("You cannot update this action", page.QuerySelector("main")!.TextContent);
        form["__RequestVerificationToken"] = (await client.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/actions/{id}/update", new FormUrlEncodedContent(form));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(await UpdatesAsync(id, Current), u => u.Narrative == "Not mine to change");
    }

    [Theory]
    [InlineData("Lead", "1.3", "You can only update actions that you or a sub-group you lead own. Action 1.3 is not one of them")]
    [InlineData("Member", "1.2", "You cannot update actions: members can read the strategy but not change it")]
    public async Task SaveUpdateAsync_NotOwnerOrMember_ServiceRefuses(string role, string number, string message)
    {
        var id = await ActionIdAsync(number);
        var personId = await app.WithDbAsync(db => db.People.Where(p => p.Initials == (role == "Lead" ? "PS" : "SB")).Select(p => p.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, role),
            new Claim(TrackerClaims.PersonId, personId.ToString()), new Claim(TrackerClaims.DisplayName, role),
        ], "Test"));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
        var service = scope.ServiceProvider.GetRequiredService<StrategyService>();
        var version = await app.WithDbAsync(db => db.StrategyActions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        var result = await service.SaveUpdateAsync(id, Current, version, new UpdateSubmission(RagStatus.Green, "x", null));

        Assert.Equal(message, result.Denied);
        Assert.DoesNotContain(await UpdatesAsync(id, Current), u => u.AuthorName == role);
    }

    [Fact]
    public async Task Update_AfterSomeoneElseSaved_RefusedKeepingTheLeadsNarrative()
    {
        var id = await ActionIdAsync("1.2");
        var other = await app.SignInAsync("admin");
        var lead = await app.SignInAsync("lead");
        var stale = (await lead.GetPageAsync($"/actions/{id}/update")).FormNamed("action-update").CurrentValues();
        await other.PostFormAsync($"/actions/{id}/update", "action-update", new() { ["Form.Rag"] = "Green", ["Form.Narrative"] = "Their update" });
        stale["Form.Rag"] = "Red";
        stale["Form.Narrative"] = "My long narrative that must not be lost";
        var response = await lead.PostAsync($"/actions/{id}/update", new FormUrlEncodedContent(stale));
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Contains("Amanda Mumford changed this record on", page.QuerySelector("[data-conflict]")!.TextContent);
        Assert.Equal("Their update", page.QuerySelector("[data-conflict-field=Narrative]")!.TextContent);
        Assert.Equal("My long narrative that must not be lost", page.QuerySelector("#narrative")!.TextContent);
        Assert.Equal("Their update", Assert.Single(await UpdatesAsync(id, Current)).Narrative);

        var again = await lead.PostAsync($"/actions/{id}/update", new FormUrlEncodedContent(page.FormNamed("action-update").CurrentValues()));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var rows = await UpdatesAsync(id, Current);
        Assert.Equal(["Their update", "My long narrative that must not be lost"], rows.Select(r => r.Narrative));
    }

    [Fact]
    public async Task Lock_ChairSignsOff_LeadRefusedAdministratorNeedsReasonAndIsAudited()
    {
        var strategy = await StrategyIdAsync();
        var id = await ActionIdAsync("3.1");
        var chair = await app.SignInAsync("chair");
        var lockResponse = await chair.PostFormAsync($"/actions/completeness?strategy={strategy}&year=2020&quarter=4", "lock-quarter", []);
        Assert.Equal(HttpStatusCode.Redirect, lockResponse.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.QuarterLocks.AnyAsync(l => l.Year == 2020 && l.Quarter == 4)));

        var lead = await app.SignInAsync("lead");
        var leadPage = await lead.GetPageAsync($"/actions/{id}/update?year=2020&quarter=4");
        Assert.Contains("is locked", leadPage.QuerySelector("main")!.TextContent);
        Assert.Empty(leadPage.QuerySelectorAll("form[method=post] textarea"));

        var admin = await app.SignInAsync("admin");
        var url = $"/actions/{id}/update?year=2020&quarter=4";
        var noReason = await (await admin.PostFormAsync(url, "action-update", new() { ["Form.Narrative"] = "Corrected figure: 60 CPWNs" })).ParseAsync();
        Assert.Equal(["Enter the reason for changing a locked quarter"], noReason.ErrorSummary());
        Assert.Equal("Enter the reason for changing a locked quarter", noReason.FieldError("lock-reason"));

        var saved = await admin.PostFormAsync(url, "action-update", new()
        {
            ["Form.Narrative"] = "Corrected figure: 60 CPWNs", ["Form.LockReason"] = "Trading Standards corrected the CPWN count",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = await UpdatesAsync(id, new FinancialQuarter(2020, 4));
        Assert.Equal(2, rows.Count);
        Assert.Equal("Corrected figure: 60 CPWNs", rows[^1].Narrative);
        var key = rows[^1].Id.ToString();
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "QuarterlyUpdate" && a.EntityKey == key).SingleAsync());
        Assert.Equal("Amanda Mumford", audit.UserName);
        Assert.Contains("Trading Standards corrected the CPWN count", audit.Reason);
        Assert.Contains("Quarter Four 2020/21", audit.Reason);

        // The chair cannot lock it twice; the report still shows the original first row as history on the action page.
        var page = await admin.GetPageAsync($"/actions/{id}");
        Assert.Contains("Earlier versions for 2020/21 Q4 (1)", page.QuerySelector("[data-quarter='20204']")!.TextContent);
    }

    [Fact]
    public async Task Lock_Lead_CannotSeeCompleteness()
    {
        var lead = await app.SignInAsync("lead");
        var response = await lead.GetAsync("/actions/completeness");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Export_Quarter4Of2020_ExactHeaderAndActionRow()
    {
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync("/actions/export.csv?year=2020&quarter=4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");

        Assert.Equal("Strategy,Priority,Objective,Action,Owners,Lead partner,Target date,Year,Quarter,RAG,Update,Updated by,Updated at", lines[0]);
        var row = lines.Single(l => l.Contains(",\"7.2 Police will provide a crime update"));
        Assert.Equal("Safer Bromley Partnership Strategy 2020–23,Priority One – Safer Neighbourhoods,7. How do we know we are on Track?," +
            "\"7.2 Police will provide a crime update at each Safer Bromley Partnership Board, and partners will present an end of year update in quarter 4.\"," +
            "CC,MPS,31/03/2023,2020/21,Q4,Green,This data has been presented for each quarter,Superintendent Colin Carswell,17/03/2021 10:00", row);
        Assert.Contains(lines, l => l.Contains("Introduce a perpetrator programme") && l.Contains(",Not updated,"));
    }

    [Fact]
    public async Task Overview_Quarter4Of2020_RollUpsAndActions()
    {
        var strategy = await StrategyIdAsync();
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/actions?strategy={strategy}&year=2020&quarter=4");
        Assert.Equal("Actions: Quarter Four 2020/21", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Priority One – Safer Neighbourhoods", page.QuerySelector("h2")!.TextContent);
        Assert.Equal("Amber", page.QuerySelector("h2 [data-rag]")!.GetAttribute("data-rag"));
        Assert.Equal("Green", page.QuerySelector("[data-rollup] [data-rag]")!.GetAttribute("data-rag"));
        Assert.NotNull(page.QuerySelector("[data-live=strategy][data-live-src]"));

        var fragment = await member.GetAsync($"/live/strategy/overview?strategy={strategy}&year=2020&quarter=4");
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Contains("Safer Neighbourhoods", await fragment.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Report_Quarter4Of2020_LayoutOfThePapersAndMetricsTable()
    {
        var strategy = await StrategyIdAsync();
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync($"/actions/report?strategy={strategy}&year=2020&quarter=4");
        var first = page.QuerySelector(".tracker-report")!;
        Assert.Equal("Quarter Four - Progress Against Priority One of the Safer Bromley Partnership Strategy 2020–23", first.QuerySelector("caption")!.TextContent.Trim());
        Assert.Contains("Partner – Police", first.TextContent);
        Assert.Contains("1. Improve partnership and stakeholder engagement and collaboration", first.TextContent);
        var metrics = page.QuerySelector("[data-metrics]")!;
        Assert.Equal(["Category", "Rolling Year Jan 21 Numbers", "% difference Rolling Year", "RAG Status"],
            metrics.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray());
        var hate = metrics.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "Hate Crime");
        Assert.Equal(["513", "+16% (441)"], hate.QuerySelectorAll("td.govuk-table__cell--numeric").Select(td => td.TextContent).ToArray());
        Assert.Equal("Amber", hate.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));
    }

    [Fact]
    public async Task MyUpdates_Lead_TheirAndTheirGroupsActionsWithDeadline()
    {
        var lead = await app.SignInAsync("lead");
        var page = await lead.GetPageAsync("/actions/my");
        var numbers = page.QuerySelectorAll("[data-my-action]").Select(r => r.GetAttribute("data-my-action")).ToList();
        Assert.Contains("1.2", numbers);
        Assert.Contains("5.1", numbers);
        Assert.DoesNotContain("1.3", numbers);
        Assert.Contains("papers deadline", page.QuerySelector("[data-deadline]")!.TextContent);
    }

    [Fact]
    public async Task Dashboard_Member_StrategyPanelCountsByRag()
    {
        var member = await app.SignInAsync("member");
        var page = await member.GetPageAsync("/");
        Assert.NotNull(page.QuerySelector("[data-strategy-summary]"));
        Assert.Contains("Priority One – Safer Neighbourhoods", page.QuerySelector("[data-strategy-summary]")!.TextContent);
    }

    [Fact]
    public async Task Override_ChairOverridesPriorityWithReason_ShownAsOverridden()
    {
        var strategy = await StrategyIdAsync();
        var priority = await app.WithDbAsync(db => db.Priorities.Where(p => p.Number == 4).Select(p => p.Id).SingleAsync());
        var chair = await app.SignInAsync("chair");
        var url = $"/actions/overrides?strategy={strategy}&year=2020&quarter=3";

        var noReason = await (await chair.PostFormAsync(url, "rollup-override", new() { ["RollUpForm.Target"] = $"Priority:{priority}", ["RollUpForm.Rag"] = "Amber" })).ParseAsync();
        Assert.Equal(["Enter the reason for overriding the RAG status"], noReason.ErrorSummary());

        var response = await chair.PostFormAsync(url, "rollup-override", new()
        {
            ["RollUpForm.Target"] = $"Priority:{priority}", ["RollUpForm.Rag"] = "Amber", ["RollUpForm.Reason"] = "Training has restarted online",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await chair.GetPageAsync($"/actions?strategy={strategy}&year=2020&quarter=3");
        var heading = page.QuerySelector($"#priority-{priority}")!;
        Assert.Equal("Amber (overridden)", heading.QuerySelector("[data-rag]")!.TextContent);
        Assert.Contains("Overridden from Red: Training has restarted online", heading.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Override_Lead_AccessDenied()
    {
        var lead = await app.SignInAsync("lead");
        var response = await lead.GetAsync("/actions/overrides");
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
