using Microsoft.EntityFrameworkCore;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>The services enforce who may change what, whatever page or endpoint calls them.</summary>
public sealed class RiskPermissionTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    async Task<(int Id, int Version, RiskInput Input)> LoadAsync(RiskService service, string reference)
    {
        var id = await app.RiskIdAsync(reference);
        var edit = (await service.GetForEditAsync(id))!;
        return (id, edit.Version, edit.Input);
    }

    [Theory]
    [InlineData(TrackerRoles.Lead, "PS", "R5", true)]   // Peter Sibley leads ASB and Envirocrime
    [InlineData(TrackerRoles.Lead, "PS", "R1", false)]  // ... but is only a member of the Strategic Group
    [InlineData(TrackerRoles.Lead, "TS", "R6", false)]  // a member, not a lead, of ASB and Envirocrime
    [InlineData(TrackerRoles.Member, "RD", "R7", false)] // members read, even in a group they lead
    [InlineData(TrackerRoles.Chair, "KL", "R9", true)]
    [InlineData(TrackerRoles.Administrator, "AM", "R12", true)]
    public async Task UpdateAsync_ByRoleAndGroup_AllowedOnlyForOwnersChairAndAdministrators(string role, string initials, string reference, bool allowed)
    {
        var service = await app.WritesAsync(role, initials);
        var (id, version, input) = await LoadAsync(service, reference);
        var result = await service.UpdateAsync(id, version, input with { Controls = $"Changed by {initials}" });

        Assert.Equal(allowed, result.Succeeded);
        if (!allowed) Assert.Equal("You can only change risks owned by a group you lead", result.Denied);
        var controls = await app.WithDbAsync(db => db.Risks.Where(r => r.Reference == reference).Select(r => r.Controls).SingleAsync());
        Assert.Equal(allowed, controls == $"Changed by {initials}");
    }

    [Theory]
    [InlineData(TrackerRoles.Lead, "PS", "R5", true)]
    [InlineData(TrackerRoles.Lead, "PS", "R1", false)]
    [InlineData(TrackerRoles.Member, "RD", "R7", false)]
    [InlineData(TrackerRoles.Chair, "KL", "R9", true)]
    public async Task GetRegister_CanEditPerRow_MatchesTheServicesRule(string role, string initials, string reference, bool canEdit)
    {
        var queries = new RiskRegisterQueries(app.Dbs(), await app.UserAsync(role, initials), TimeProvider.System);
        var register = await queries.GetRegisterAsync(new RiskFilter { Status = "all" });
        Assert.Equal(canEdit, register.Rows.Single(r => r.Reference == reference).CanEdit);
    }

    [Fact]
    public async Task UpdateAsync_LeadMovingOwnRiskToAnotherGroup_Refused()
    {
        var service = await app.WritesAsync(TrackerRoles.Lead, "PS");
        var (id, version, input) = await LoadAsync(service, "R5");
        var result = await service.UpdateAsync(id, version, input with { OwnerGroupId = await app.GroupIdAsync("Strategic Group") });
        Assert.Equal("You can only give a risk to a group you lead", result.Denied);
    }

    [Fact]
    public async Task CreateAsync_LeadForAnotherGroup_Refused_ForOwnGroup_Allowed()
    {
        var service = await app.WritesAsync(TrackerRoles.Lead, "PS");
        var strategic = await app.GroupIdAsync("Strategic Group");
        var asb = await app.GroupIdAsync("ASB and Envirocrime");
        var input = new RiskInput("R40", "Graffiti removal contract lapses", null, null, ["E"], strategic, 3, 3, null, null, null, null, null, 3, null, RiskStatus.Open, null);

        var refused = await service.CreateAsync(input);
        var saved = await service.CreateAsync(input with { Reference = "R41", OwnerGroupId = asb });

        Assert.Equal("You can only add risks owned by a group you lead", refused.Denied);
        Assert.True(saved.Succeeded);
    }

    [Fact]
    public async Task CreateAsync_Member_Refused()
    {
        var service = await app.WritesAsync(TrackerRoles.Member, "BB");
        var input = new RiskInput("R42", "Anything", null, null, ["E"], await app.GroupIdAsync("Strategic Group"), 3, 3, null, null, null, null, null, 3, null, RiskStatus.Open, null);
        Assert.Equal("You do not have permission to add risks", (await service.CreateAsync(input)).Denied);
    }

    [Fact]
    public async Task FurtherActions_LeadOfAnotherGroup_RefusedAndNothingSaved()
    {
        var service = await app.WritesAsync(TrackerRoles.Lead, "PS");
        var risk = await app.RiskAsync("R7");
        var action = risk.FurtherActions.First();
        var changed = await service.SaveActionAsync(risk.Id, action.Id, action.Version, new FurtherActionInput(action.Description, action.Owner, FurtherActionRag.Green, null));
        var added = await service.SaveActionAsync(risk.Id, null, 0, new FurtherActionInput("Added by the wrong lead", null, null, null));
        var removed = await service.DeleteActionAsync(risk.Id, action.Id);

        Assert.All([changed, added, removed], r => Assert.Equal("You can only change risks owned by a group you lead", r.Denied));
        var after = await app.RiskAsync("R7");
        Assert.Equal(risk.FurtherActions.Count, after.FurtherActions.Count);
        Assert.NotEqual(FurtherActionRag.Green, after.FurtherActions.Single(a => a.Id == action.Id).Rag);
    }

    [Fact]
    public async Task ImportSettingsAndReview_NotAdministratorOrChair_Refused()
    {
        var chair = await app.UserAsync(TrackerRoles.Chair, "KL");
        using var csv = new MemoryStream("x"u8.ToArray());
        var import = await new RiskImportService(app.Dbs(), chair, TimeProvider.System).ImportCsvAsync(csv, "r.csv", 1);
        var preview = await new RiskImportService(app.Dbs(), chair, TimeProvider.System).PreviewAsync(new MemoryStream("x"u8.ToArray()), "r.csv", 1);
        var settings = await new RiskSettingsService(app.Dbs(), chair).UpdateSettingsAsync(1, new RiskSettings().ToInput(), new Dictionary<string, (string, RiskAppetite)>());
        var id = await app.RiskIdAsync("R1");
        var review = await new RiskService(app.Dbs(), chair, TimeProvider.System).RecordReviewAsync(id, "01/02/2024", "Noted", null);

        Assert.Equal("Only administrators can import the risk register", import.Errors.Single().Message);
        Assert.Equal("Only administrators can import the risk register", preview.Errors.Single().Message);
        Assert.Equal("Only administrators can change the risk matrix and appetite", settings.Denied);
        Assert.True(review.Succeeded);

        var leadReview = await (await app.WritesAsync(TrackerRoles.Lead, "PS")).RecordReviewAsync(id, "01/02/2024", "Noted", null);
        Assert.Equal("Only the chair or an administrator can record the meeting's review", leadReview.Denied);
    }
}
