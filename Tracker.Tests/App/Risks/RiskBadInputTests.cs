using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Risks;
using Tracker.Domain.People;
using Tracker.Domain.Risks;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

/// <summary>Issue 9: the risk service refuses bad input with a message, whichever caller sends it.</summary>
public sealed class RiskBadInputTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    async Task<T> AsAdministratorAsync<T>(Func<RiskService, TrackerDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        return await work(new RiskService(db, new StubUser("Clerk", null, TrackerRoles.Administrator), TimeProvider.System, new StrategicGroupCalendar(scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>())), db);
    }

    [Theory]
    [InlineData("31/12/9999")]
    [InlineData("01/01/0001")]
    public async Task RecordReviewAsync_DateOutside2000To2100_RefusedNotCrashed(string date)
    {
        var result = await AsAdministratorAsync(async (service, db) =>
            await service.RecordReviewAsync(await db.Risks.Where(r => r.Reference == "R1").Select(r => r.Id).SingleAsync(), date, "Reviewed", null));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("ReviewedOn", "Date of the review must be between 2000 and 2100"), (error.Field, error.Message));
    }

    [Fact]
    public async Task UpdateAsync_UndefinedStatus_RefusedAndRiskStaysListed()
    {
        var result = await AsAdministratorAsync(async (service, db) =>
        {
            var id = await db.Risks.Where(r => r.Reference == "R2").Select(r => r.Id).SingleAsync();
            var edit = (await service.GetForEditAsync(id))!;
            return await service.UpdateAsync(id, edit.Version, edit.Input with { Status = (RiskStatus)99 });
        });

        Assert.Contains(result.Errors, e => e.Field == nameof(RiskInput.Status));
        Assert.Equal(RiskStatus.Open, (await app.RiskAsync("R2")).Status);
    }

    [Fact]
    public async Task SaveActionAsync_UndefinedRag_Refused()
    {
        var result = await AsAdministratorAsync(async (service, db) =>
            await service.SaveActionAsync(await db.Risks.Where(r => r.Reference == "R3").Select(r => r.Id).SingleAsync(), null, 0,
                new FurtherActionInput("Act", "AM", (FurtherActionRag)7, "")));

        Assert.Equal(nameof(FurtherActionInput.Rag), Assert.Single(result.Errors).Field);
    }
}

public sealed class RiskSettingsBadInputTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task UpdateSettingsAsync_UndefinedAppetite_Refused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var service = new RiskService(db, new StubUser("Clerk", null, TrackerRoles.Administrator), TimeProvider.System, new StrategicGroupCalendar(scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrackerDbContext>>()));
        var (settings, categories) = await service.GetSettingsForEditAsync();
        var changes = categories.ToDictionary(c => c.Code, c => (c.Label, c.Code == "P" ? (RiskAppetite)9 : c.Appetite));

        var result = await service.UpdateSettingsAsync(settings.Version, settings.ToInput(), changes);

        Assert.Equal(new Tracker.Domain.Common.FieldError("AppetiteP", "Select the risk appetite for category P"), Assert.Single(result.Errors));
    }
}
