using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The risk form and the further-action dialog as leads, the chair and administrators use them: real services, database and change feed.</summary>
public sealed class RiskEditTests(TrackerAppFactory app) : ComponentTestContext(app), IClassFixture<TrackerAppFactory>
{
    string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    async Task<IRenderedComponent<RiskEditPage>> OpenAsync(string account, string? reference)
    {
        await SignInAsAsync(account);
        int? id = reference is null ? null : await App.RiskIdAsync(reference);
        var cut = Render<RiskEditPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("form").Count > 0 || cut.FindAll("[data-read-only]").Count > 0));
        return cut;
    }

    static void Type(IRenderedComponent<RiskEditPage> cut, string id, string value) => cut.Find($"#{id}").Input(value);

    [Fact]
    public async Task Save_LeadOfOwningGroup_ReassessesAndKeepsDatedSnapshot()
    {
        var before = await App.RiskAsync("R6");
        var cut = await OpenAsync("lead", "R6");
        await cut.ChooseAsync("NetLikelihood", (int?)2);
        await cut.ChooseAsync("NetSeverity", (int?)2);
        Type(cut, "AssessmentNote", "CCTV installed");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.EndsWith($"/risks/{before.Id}", Uri));
        var after = await App.RiskAsync("R6");
        Assert.Equal(new RiskScore(2, 2), after.Net);
        Assert.Equal(before.Assessments.Count + 1, after.Assessments.Count);
        var latest = after.Assessments.OrderBy(a => a.Id).Last();
        Assert.Equal(("Peter Sibley", "CCTV installed", 4), (latest.AssessedBy, latest.Note, latest.Net!.Value.Score));
        Assert.Equal("E, C", after.Categories);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Risk" && a.EntityKey == before.Id.ToString() && a.UserName == "Peter Sibley")));
    }

    [Fact]
    public async Task Preview_ChoosingScores_ShowsBandAppetiteAndCellAsTheyAreChosen()
    {
        var cut = await OpenAsync("admin", "R4");
        Assert.Contains("Not yet assessed", cut.Find("[data-preview=net]").TextContent);
        await cut.ChooseAsync("NetLikelihood", (int?)2);
        await cut.ChooseAsync("NetSeverity", (int?)3);

        Assert.Equal("6", cut.Find("[data-preview=net] [data-score]").GetAttribute("data-score"));
        Assert.Equal("medium", cut.Find("[data-preview=net] [data-score]").GetAttribute("data-band"));
        Assert.Equal("N", cut.Find("[data-matrix-preview] td[data-cell='2-3']").GetAttribute("data-marks"));
        Assert.Equal("G", cut.Find("[data-matrix-preview] td[data-cell='3-4']").GetAttribute("data-marks"));
        Assert.Equal("within", cut.Find("[data-preview-appetite]").GetAttribute("data-preview-appetite"));
        await cut.ChooseAsync("NetSeverity", (int?)4);
        await cut.ChooseAsync("NetLikelihood", (int?)3);
        // R4 is Political and Economic: Cautious tolerates 12, so a net 12 is within; 15 is above.
        await cut.ChooseAsync("GrossSeverity", (int?)5);
        await cut.ChooseAsync("NetSeverity", (int?)5);
        Assert.Equal("above", cut.Find("[data-preview-appetite]").GetAttribute("data-preview-appetite"));
    }

    [Fact]
    public async Task Choose_NetAboveGross_RefusedAsChosenThenOnSaveKeepingTypedText()
    {
        var id = await App.RiskIdAsync("R4");
        var cut = await OpenAsync("admin", "R4");
        Type(cut, "Controls", "Typed but not saved");
        await cut.ChooseAsync("NetLikelihood", (int?)4);
        await cut.ChooseAsync("NetSeverity", (int?)4);

        // Said beside the field as soon as it is chosen, before any save.
        Assert.Contains("Net risk score (16) cannot be higher than gross risk score (12)", cut.FieldText("NetLikelihood"));
        Assert.Empty(cut.FindAll("[data-error-summary]"));

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Net risk score (16) cannot be higher than gross risk score (12)"], cut.Summary()));
        Assert.Equal("#NetLikelihood", cut.Find("[data-error-summary] a").GetAttribute("href"));
        Assert.Equal("Typed but not saved", cut.Find("#Controls").TextContent);
        Assert.Null((await App.RiskAsync("R4")).Net);
        Assert.False(Uri.EndsWith($"/risks/{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Choose_TargetAboveNet_RefusedAsChosen()
    {
        var cut = await OpenAsync("admin", "R10");
        await cut.ChooseAsync("TargetLikelihood", (int?)5);
        await cut.ChooseAsync("TargetSeverity", (int?)5);
        Assert.Contains("Target risk score (25) cannot be higher than net risk score", cut.FieldText("TargetLikelihood"));
    }

    [Fact]
    public async Task Open_LeadOfAnotherGroup_ReadOnlyWithoutAForm()
    {
        var cut = await OpenAsync("lead", "R2");
        Assert.NotNull(cut.Find("[data-read-only]"));
        Assert.Empty(cut.FindAll("form"));
    }

    [Theory]
    [InlineData("member")]
    public async Task Get_Member_AccessDenied(string account)
    {
        var client = await App.SignInAsync(account);
        var response = await client.GetAsync($"/risks/{await App.RiskIdAsync("R9")}/edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_NoticeThenComparisonAndOwnTextKept()
    {
        var id = await App.RiskIdAsync("R11");
        var cut = await OpenAsync("chair", "R11");
        Type(cut, "Controls", "My own controls");

        var (scope, risks) = await AsAsync<RiskService>("admin");
        await using (scope)
        {
            var edit = (await risks.GetForEditAsync(id))!;
            Assert.True((await risks.UpdateAsync(id, edit.Version, edit.Input with { Controls = "Their newer controls" })).Succeeded);
        }
        // A notice while typing; the form is never replaced.
        cut.WaitForAssertion(() => Assert.Contains("Amanda Mumford changed this record", cut.Find("[data-changed-elsewhere]").TextContent));
        Assert.Equal("My own controls", cut.Find("#Controls").TextContent);

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("Their newer controls", cut.Find("[data-conflict-field=Controls] [data-theirs]").TextContent));
        Assert.Equal("My own controls", cut.Find("[data-conflict-field=Controls] [data-mine]").TextContent);
        Assert.Equal(["Someone else saved this record while you were editing it"], cut.Summary());
        Assert.Equal("My own controls", cut.Find("#Controls").TextContent);
        Assert.Equal("Their newer controls", (await App.RiskAsync("R11")).Controls);

        // Saving again, having seen their version, replaces it deliberately.
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.EndsWith($"/risks/{id}", Uri));
        var after = await App.RiskAsync("R11");
        Assert.Equal(("My own controls", "L, S"), (after.Controls, after.Categories));
    }

    [Fact]
    public async Task ChangeElsewhere_FormUntouched_ShowsTheNewValues()
    {
        var id = await App.RiskIdAsync("R12");
        var cut = await OpenAsync("chair", "R12");
        var (scope, risks) = await AsAsync<RiskService>("admin");
        await using (scope)
        {
            var edit = (await risks.GetForEditAsync(id))!;
            await risks.UpdateAsync(id, edit.Version, edit.Input with { Impact = "Changed elsewhere" });
        }
        cut.WaitForAssertion(() => Assert.Equal("Changed elsewhere", cut.Find("#Impact").TextContent));
        Assert.Empty(cut.FindAll("[data-changed-elsewhere]"));
    }

    [Fact]
    public async Task UseTheirs_AfterConflict_PutsTheirScoresInTheForm()
    {
        var id = await App.RiskIdAsync("R8");
        var cut = await OpenAsync("chair", "R8");
        Type(cut, "Cause", "Mine");
        var (scope, risks) = await AsAsync<RiskService>("admin");
        await using (scope)
        {
            var edit = (await risks.GetForEditAsync(id))!;
            await risks.UpdateAsync(id, edit.Version, edit.Input with { TargetLikelihood = 1, TargetSeverity = 1 });
        }
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => cut.Find("[data-conflict-field=Target] button").Click());
        Assert.Equal("1", cut.Find("[data-preview=target] [data-score]").GetAttribute("data-score"));
        Assert.Equal("Mine", cut.Find("#Cause").TextContent);
    }

    [Fact]
    public async Task Create_Chair_NewRiskWithSeveralCategories()
    {
        var cut = await OpenAsync("chair", null);
        Assert.Equal("R14", cut.Find("#Reference").GetAttribute("value"));
        Type(cut, "Title", "Hate crime reporting falls after community tension");
        await cut.ChooseAsync("OwnerGroupId", (int?)await App.GroupIdAsync("Strategic Group"));
        await cut.ChooseAsync("GrossLikelihood", (int?)3);
        await cut.ChooseAsync("GrossSeverity", (int?)4);
        Type(cut, "NextReviewDate", "31/03/2027");
        cut.Find("input[type=checkbox][value=C]").Change(true);
        cut.Find("input[type=checkbox][value=S]").Change(true);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Matches("/risks/\\d+$", Uri));
        var risk = await App.RiskAsync("R14");
        Assert.Equal(("S, C", 12, (RiskScore?)null, new DateOnly(2027, 3, 31)), (risk.Categories, risk.Gross.Score, risk.Net, risk.NextReviewDate!.Value));
        Assert.Single(risk.Assessments);
    }

    [Fact]
    public async Task Create_NoCategories_ErrorLinksToFirstCheckbox()
    {
        var cut = await OpenAsync("chair", null);
        Type(cut, "Title", "Something");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("Select at least one risk category", cut.Summary()));
        Assert.NotNull(cut.Find("[data-error-summary] a[href='#Categories']"));
        Assert.NotNull(cut.Find("input#Categories"));
        Assert.Equal("Select at least one risk category", cut.Find("#categories-error").TextContent);
        Assert.Contains("Select the gross likelihood", cut.Summary());
    }

    IRenderedComponent<MudDialogProvider> Dialogs() => Render<MudDialogProvider>();

    async Task<IRenderedComponent<MudDialogProvider>> OpenActionAsync(string account, string reference, int? actionId)
    {
        await SignInAsAsync(account);
        var provider = Dialogs();
        var riskId = await App.RiskIdAsync(reference);
        await provider.InvokeAsync(() => FurtherActionDialog.ShowAsync(Services.GetRequiredService<IDialogService>(), riskId, actionId));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("#Description")));
        return provider;
    }

    [Fact]
    public async Task FurtherAction_LeadAddsToOwnRiskInTheDialog_SavedAndShownWithRag()
    {
        var provider = await OpenActionAsync("lead", "R5", null);
        provider.Find("#Description").Input("Brief ward councillors on the PSPO");
        provider.Find("#Owner").Input("PS");
        await provider.ChooseAsync("Rag", "Amber");
        provider.Find("#TargetDate").Input("30/04/2027");
        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-further-action-dialog]")));
        var action = (await App.RiskAsync("R5")).FurtherActions.OrderBy(a => a.Order).Last();
        Assert.Equal(("Brief ward councillors on the PSPO", "PS", FurtherActionRag.Amber, new DateOnly(2027, 4, 30), 3),
            (action.Description, action.Owner, action.Rag, action.TargetDate!.Value, action.Order));

        var detail = Render<RiskDetailPage>(p => p.Add(c => c.Id, action.RiskId));
        detail.WaitForAssertion(() => Assert.Contains("Brief ward councillors on the PSPO", detail.Find("[data-further-actions]").TextContent));
    }

    [Fact]
    public async Task FurtherAction_BadDate_RefusedInTheDialogWithTypedTextKept()
    {
        var provider = await OpenActionAsync("lead", "R5", null);
        provider.Find("#Description").Input("Something");
        provider.Find("#TargetDate").Input("31/13/2027");
        await provider.Find("form").SubmitAsync();
        provider.WaitForAssertion(() => Assert.Equal(["Target completion date must be a real date, like 31/03/2025"], provider.Summary()));
        Assert.Equal("Something", provider.Find("#Description").TextContent);
        Assert.NotNull(provider.Find("[data-further-action-dialog]"));
    }

    [Fact]
    public async Task FurtherAction_ChangeAndRemoveInTheDialog()
    {
        var risk = await App.RiskAsync("R7");
        var action = risk.FurtherActions.OrderBy(a => a.Order).First();
        var provider = await OpenActionAsync("chair", "R7", action.Id);
        Assert.Equal(action.Description, provider.Find("#Description").TextContent);
        await provider.ChooseAsync("Rag", "Blue");
        await provider.Find("form").SubmitAsync();
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-further-action-dialog]")));
        Assert.Equal(FurtherActionRag.Blue, (await App.RiskAsync("R7")).FurtherActions.Single(a => a.Id == action.Id).Rag);

        await provider.InvokeAsync(() => FurtherActionDialog.ShowAsync(Services.GetRequiredService<IDialogService>(), risk.Id, action.Id));
        provider.WaitForAssertion(() => provider.Find("[data-remove-action]").Click());
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-further-action-dialog]")));
        Assert.DoesNotContain((await App.RiskAsync("R7")).FurtherActions, a => a.Id == action.Id);
    }

    [Fact]
    public async Task Get_OldFurtherActionPages_RedirectToTheRisksEditWithTheDialog()
    {
        var id = await App.RiskIdAsync("R5");
        var lead = await App.SignInAsync("lead");
        var added = await lead.GetAsync($"/risks/{id}/actions/new");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/risks/{id}/edit?action=new", added.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        var changed = await lead.GetAsync($"/risks/{id}/actions/77/edit");
        Assert.Equal($"/risks/{id}/edit?action=77", changed.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }
}
