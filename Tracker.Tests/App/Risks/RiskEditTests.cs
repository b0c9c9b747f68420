using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

public sealed class RiskEditTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task Save_LeadOfOwningGroup_ReassessesAndKeepsDatedSnapshot()
    {
        var id = await app.RiskIdAsync("R6");
        var before = await app.RiskAsync("R6");
        var lead = await app.SignInAsync("lead");
        var response = await lead.PostRiskFormAsync($"/risks/{id}/edit", new()
        {
            ["Form.NetLikelihood"] = "2", ["Form.NetSeverity"] = "2", ["Form.AssessmentNote"] = "CCTV installed",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/risks/{id}", response.Headers.Location!.AbsolutePath);
        var after = await app.RiskAsync("R6");
        Assert.Equal(new RiskScore(2, 2), after.Net);
        Assert.Equal(before.Assessments.Count + 1, after.Assessments.Count);
        var latest = after.Assessments.OrderBy(a => a.Id).Last();
        Assert.Equal(("Peter Sibley", "CCTV installed", 4), (latest.AssessedBy, latest.Note, latest.Net!.Value.Score));
        Assert.Equal("E, C", after.Categories);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Risk" && a.EntityKey == id.ToString() && a.UserName == "Peter Sibley"));
        Assert.True(audited);
    }

    [Fact]
    public async Task Save_NetAboveGross_RefusedNamingBothScoresAndKeepingTypedText()
    {
        var id = await app.RiskIdAsync("R4");
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostRiskFormAsync($"/risks/{id}/edit", new()
        {
            ["Form.NetLikelihood"] = "4", ["Form.NetSeverity"] = "4", ["Form.Controls"] = "Typed but not saved",
        });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Net risk score (16) cannot be higher than gross risk score (12)"], page.ErrorSummary());
        Assert.Equal("#net-likelihood", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Net risk score (16) cannot be higher than gross risk score (12)", page.FieldError("net-likelihood"));
        Assert.Equal("Typed but not saved", page.QuerySelector("#controls")!.TextContent);
        Assert.Null((await app.RiskAsync("R4")).Net);
    }

    [Fact]
    public async Task Save_LeadOfAnotherGroup_RefusedAndNothingSaved()
    {
        var id = await app.RiskIdAsync("R2");
        var lead = await app.SignInAsync("lead");
        var get = await lead.GetPageAsync($"/risks/{id}/edit");
        Assert.NotNull(get.QuerySelector("[data-read-only]"));
        Assert.Null(get.QuerySelector("form button.govuk-button"));

        var form = get.FormNamed("risk").AllValues(new() { ["Form.Title"] = "Changed by the wrong lead" });
        var page = await (await lead.PostAsync($"/risks/{id}/edit", new FormUrlEncodedContent(form))).ParseAsync();

        Assert.Equal(["You can only change risks owned by a group you lead"], page.ErrorSummary());
        Assert.Equal("Unclear strategy delivery structure", (await app.RiskAsync("R2")).Title);
    }

    [Fact]
    public async Task Save_LeadMovingRiskToAnotherGroup_Refused()
    {
        var id = await app.RiskIdAsync("R5");
        var lead = await app.SignInAsync("lead");
        var strategic = await app.GroupIdAsync("Strategic Group");
        var page = await (await lead.PostRiskFormAsync($"/risks/{id}/edit", new() { ["Form.OwnerGroupId"] = strategic.ToString() })).ParseAsync();
        Assert.Equal(["You can only give a risk to a group you lead"], page.ErrorSummary());
    }

    [Fact]
    public async Task Edit_Member_AccessDeniedAndPostRefused()
    {
        var id = await app.RiskIdAsync("R9");
        var member = await app.SignInAsync("member");
        var get = await member.GetAsync($"/risks/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/account/access-denied", get.Headers.Location!.PathAndQuery);

        var admin = await app.SignInAsync("admin");
        var form = (await admin.GetPageAsync($"/risks/{id}/edit")).FormNamed("risk").CurrentValues();
        form["Form.Title"] = "Changed by a member";
        form["Form.Categories"] = "S";
        form["__RequestVerificationToken"] = (await member.GetPageAsync("/risks")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await member.PostAsync($"/risks/{id}/edit", new FormUrlEncodedContent(form));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("The number of first-time entrants to the youth justice system rises", (await app.RiskAsync("R9")).Title);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_ConflictShowsTheirsAndKeepsOurs()
    {
        var id = await app.RiskIdAsync("R11");
        var first = await app.SignInAsync("admin");
        var second = await app.SignInAsync("chair");

        var staleForm = (await second.GetPageAsync($"/risks/{id}/edit")).FormNamed("risk");
        await first.PostRiskFormAsync($"/risks/{id}/edit", new() { ["Form.Controls"] = "Their newer controls" });
        var stale = staleForm.AllValues(new() { ["Form.Controls"] = "My own controls" });
        var response = await second.PostAsync($"/risks/{id}/edit", new FormUrlEncodedContent(stale));
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Someone else saved this record while you were editing it"], page.ErrorSummary());
        Assert.Contains("Amanda Mumford changed this record on", page.QuerySelector("[data-conflict]")!.TextContent);
        Assert.Equal("Their newer controls", page.QuerySelector("[data-conflict-field=Controls]")!.TextContent);
        Assert.Equal("My own controls", page.QuerySelector("#controls")!.TextContent);
        Assert.Equal("Their newer controls", (await app.RiskAsync("R11")).Controls);

        var again = await second.PostAsync($"/risks/{id}/edit", new FormUrlEncodedContent(page.FormNamed("risk").AllValues()));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(("My own controls", "L, S"), ((await app.RiskAsync("R11")).Controls, (await app.RiskAsync("R11")).Categories));
    }

    [Fact]
    public async Task Create_Chair_NewRiskWithSeveralCategories()
    {
        var chair = await app.SignInAsync("chair");
        var page = await chair.GetPageAsync("/risks/new");
        var values = page.FormNamed("risk").CurrentValues();
        Assert.Equal("R14", values["Form.Reference"]);
        values["Form.Title"] = "Hate crime reporting falls after community tension";
        values["Form.OwnerGroupId"] = (await app.GroupIdAsync("Strategic Group")).ToString();
        values["Form.GrossLikelihood"] = "3";
        values["Form.GrossSeverity"] = "4";
        values["Form.NextReviewDate"] = "31/03/2027";
        var pairs = values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)).ToList();
        pairs.Add(new("Form.Categories", "S"));
        pairs.Add(new("Form.Categories", "C"));
        var response = await chair.PostAsync("/risks/new", new FormUrlEncodedContent(pairs));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var risk = await app.RiskAsync("R14");
        Assert.Equal(("S, C", 12, (RiskScore?)null, new DateOnly(2027, 3, 31)), (risk.Categories, risk.Gross.Score, risk.Net, risk.NextReviewDate!.Value));
        Assert.Single(risk.Assessments);
    }

    [Fact]
    public async Task Create_NoCategories_ErrorLinksToFirstCheckbox()
    {
        var chair = await app.SignInAsync("chair");
        var page = await (await chair.PostRiskFormAsync("/risks/new", new() { ["Form.Title"] = "Something" })).ParseAsync();
        Assert.Contains("Select at least one risk category", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("a[href='#categories']"));
        Assert.NotNull(page.QuerySelector("input#categories"));
        Assert.Equal("Select at least one risk category", page.FieldError("categories"));
    }

    [Fact]
    public async Task FurtherAction_LeadAddsToOwnRisk_ShownWithRag()
    {
        var id = await app.RiskIdAsync("R5");
        var lead = await app.SignInAsync("lead");
        var response = await lead.PostFormAsync($"/risks/{id}/actions/new", "further-action", new()
        {
            ["Form.Description"] = "Brief ward councillors on the PSPO", ["Form.Owner"] = "PS", ["Form.Rag"] = "Amber", ["Form.TargetDate"] = "30/04/2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = (await app.RiskAsync("R5")).FurtherActions.OrderBy(a => a.Order).Last();
        Assert.Equal(("Brief ward councillors on the PSPO", "PS", FurtherActionRag.Amber, new DateOnly(2027, 4, 30), 3),
            (action.Description, action.Owner, action.Rag, action.TargetDate!.Value, action.Order));

        var detail = await lead.GetPageAsync($"/risks/{id}");
        Assert.Contains("Brief ward councillors on the PSPO", detail.QuerySelector("[data-further-actions]")!.TextContent);
    }

    [Fact]
    public async Task FurtherAction_BadDate_Refused()
    {
        var id = await app.RiskIdAsync("R5");
        var lead = await app.SignInAsync("lead");
        var page = await (await lead.PostFormAsync($"/risks/{id}/actions/new", "further-action", new()
        {
            ["Form.Description"] = "Something", ["Form.TargetDate"] = "31/13/2027",
        })).ParseAsync();
        Assert.Equal(["Target completion date must be a real date, like 31/03/2025"], page.ErrorSummary());
    }

    [Fact]
    public async Task FurtherAction_LeadOfAnotherGroup_Refused()
    {
        var id = await app.RiskIdAsync("R7");
        var actionId = (await app.RiskAsync("R7")).FurtherActions.First().Id;
        var lead = await app.SignInAsync("lead");
        var page = await (await lead.PostFormAsync($"/risks/{id}/actions/{actionId}/edit", "further-action", new() { ["Form.Rag"] = "Green" })).ParseAsync();
        Assert.Equal(["You can only change risks owned by a group you lead"], page.ErrorSummary());
        Assert.NotEqual(FurtherActionRag.Green, (await app.RiskAsync("R7")).FurtherActions.First(a => a.Id == actionId).Rag);
    }

    [Fact]
    public async Task Review_ChairRecordsMeetingReview_NextReviewMovesOn()
    {
        var id = await app.RiskIdAsync("R3");
        var chair = await app.SignInAsync("chair");
        var response = await chair.PostFormAsync($"/risks/review?risk={id}", "review", new()
        {
            ["Review.ReviewedOn"] = "29/02/2024", ["Review.Note"] = "Data working group agreed", ["Review.AgreedChanges"] = "AM to convene",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var risk = await app.RiskAsync("R3");
        var review = risk.Reviews.Single(r => r.Note == "Data working group agreed");
        Assert.Equal((new DateOnly(2024, 2, 29), "AM to convene", "Councillor Kate Lymer"), (review.ReviewedOn, review.AgreedChanges, review.ReviewedBy));
        Assert.Equal(new DateOnly(2024, 5, 29), risk.NextReviewDate);
    }

    [Fact]
    public async Task Review_BlankNote_Refused_AndMemberSeesNoForm()
    {
        var id = await app.RiskIdAsync("R1");
        var chair = await app.SignInAsync("chair");
        var page = await (await chair.PostFormAsync($"/risks/review?risk={id}", "review", new() { ["Review.Note"] = "" })).ParseAsync();
        Assert.Equal(["Enter what the meeting said about the risk"], page.ErrorSummary());

        var member = await app.SignInAsync("member");
        var memberPage = await member.GetPageAsync($"/risks/review?risk={id}");
        Assert.Empty(memberPage.QuerySelectorAll("input[name=_handler][value=review]"));
    }

    [Fact]
    public async Task Settings_AdministratorRenamesCategory_ShownInForm()
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync("/risks/settings", "risk-settings", new() { ["Form.LabelC"] = "Customer and citizen", ["Form.AppetiteC"] = "Minimal" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var category = await app.WithDbAsync(db => db.RiskCategories.SingleAsync(c => c.Code == "C"));
        Assert.Equal(("Customer and citizen", RiskAppetite.Minimal), (category.Label, category.Appetite));
        var form = await admin.GetPageAsync("/risks/new");
        Assert.Contains("C – Customer and citizen", form.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Settings_BadBands_Refused()
    {
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.PostFormAsync("/risks/settings", "risk-settings", new() { ["Form.MediumMax"] = "3" })).ParseAsync();
        Assert.Equal(["The highest Medium score must be higher than the highest Low score"], page.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignInAsync("chair")).GetAsync("/risks/settings")).StatusCode);
    }
}
