using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Papers;

public abstract class CoverSheetPapersTestsBase(TrackerAppFactory app)
{
    async Task<T> AsAsync<T>(string role, Func<CoverSheetService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = new CoverSheetService(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TrackerDbContext>>(), new StubUser("Steve Wood", null, role),
            scope.ServiceProvider.GetRequiredService<IOptions<PaperSettings>>());
        return await work(service);
    }

    static CoverSheetInput Input(string number, string classification = "Public") => new(number, "Amanda Mumford, Community Safety Coordinator",
        "020 8313 4000", "amanda.mumford@bromley.gov.uk", "Colin Brand, Director of Environment and Public Protection", "Non Urgent, Non Executive, Non Key",
        "All", "Appendix A updates the Group.", "The Group is asked to note the report.", classification);

    [ProviderFact]
    public async Task GetAsync_June2019MattersArising_SampleDataFromThePaper()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var sheet = await AsAsync(MeetingsTestData.Member, s => s.GetAsync(june, CoverSheetPapers.MattersArising));

        Assert.NotNull(sheet);
        Assert.True(sheet.IsSaved);
        Assert.Equal("CSD19092", sheet.ReportNumber);
        Assert.Equal("Steve Wood, Democratic Services Officer", sheet.ContactOfficer);
        Assert.Equal("Mark Bowen, Director of Corporate Services", sheet.ChiefOfficer);
        Assert.Equal("N/A", sheet.Ward);
        Assert.Equal(Classification.Public, sheet.Classification);
    }

    [ProviderFact]
    public async Task GetAsync_NoCoverSheetEntered_PartnershipDefaultsFromSettings()
    {
        var march = await app.MeetingIdAsync(2019, 3, 14);
        var sheet = await AsAsync(MeetingsTestData.Member, s => s.GetAsync(march, CoverSheetPapers.MattersArising));

        Assert.NotNull(sheet);
        Assert.False(sheet.IsSaved);
        Assert.Equal("", sheet.ReportNumber);
        Assert.Equal("Steve Wood, Democratic Services Officer", sheet.ContactOfficer);
        Assert.Equal("020 8313 4316", sheet.ContactTelephone);
        Assert.Equal("Non Urgent, Non Executive, Non Key", sheet.DecisionType);
        Assert.Equal("The Group is asked to review progress on matters arising from previous meetings.", sheet.Recommendation);
    }

    [ProviderFact]
    public async Task SaveAsync_Clerk_SavedAndPrintedOnTheCoverSheet()
    {
        var meeting = await app.MeetingIdAsync(2016, 9, 15);
        var saved = await AsAsync(MeetingsTestData.Administrator, s => s.SaveAsync(meeting, CoverSheetPapers.MattersArising, 0, Input("CSD16150", "OFFICIAL-SENSITIVE")));
        Assert.True(saved.Succeeded);

        var admin = await app.SignInAsync("admin");
        using var doc = PaperFiles.OpenWord(await admin.GetFileAsync($"/meetings/{meeting}/matters-arising.docx", PaperFiles.Docx));
        var text = doc.Text();
        Assert.Contains("Report No.\nCSD16150", text);
        Assert.Contains("Contact Officer: Amanda Mumford, Community Safety Coordinator", text);
        Assert.Contains("Chief Officer: Colin Brand, Director of Environment and Public Protection", text);
        Assert.Contains("Ward: All", text);
        Assert.Contains("2.1 The Group is asked to note the report.", text);
        Assert.Contains("OFFICIAL-SENSITIVE", doc.HeaderText());
        Assert.Contains("OFFICIAL-SENSITIVE", doc.FooterText());

        // Saving again from the version loaded before is refused as a conflict.
        var stale = await AsAsync(MeetingsTestData.Administrator, s => s.SaveAsync(meeting, CoverSheetPapers.MattersArising, 0, Input("CSD16151")));
        Assert.NotNull(stale.Conflict);
        var again = await AsAsync(MeetingsTestData.Administrator, s => s.SaveAsync(meeting, CoverSheetPapers.MattersArising, saved.Version, Input("CSD16151")));
        Assert.True(again.Succeeded);
    }

    [ProviderFact]
    public async Task PackZip_ReportMarkedOfficialSensitive_ReportInThePackCarriesTheMarking()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var saved = await AsAsync(MeetingsTestData.Administrator, s => s.SaveAsync(june, CoverSheetPapers.ProgressReport, 0, Input("CSD19093", "OFFICIAL-SENSITIVE")));
        Assert.True(saved.Succeeded);

        var member = await app.SignInAsync("member");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await member.GetFileAsync($"/meetings/{june}/pack.zip", "application/zip")));
        DocumentFormat.OpenXml.Packaging.WordprocessingDocument Open(string suffix)
        {
            var copy = new MemoryStream();
            using (var entry = zip.Entries.Single(e => e.FullName.EndsWith(suffix, StringComparison.Ordinal)).Open()) entry.CopyTo(copy);
            return PaperFiles.OpenWord(copy.ToArray());
        }
        using var report = Open("progress-report-2018-q4.docx");
        Assert.Contains("OFFICIAL-SENSITIVE", report.HeaderText());
        Assert.Contains("OFFICIAL-SENSITIVE", report.FooterText());
        using var register = Open("risk-register.docx");
        Assert.DoesNotContain("SENSITIVE", register.HeaderText());
        Assert.Contains("OFFICIAL", register.HeaderText());
    }

    [ProviderTheory]
    [InlineData(MeetingsTestData.Member)]
    [InlineData(MeetingsTestData.Lead)]
    [InlineData(MeetingsTestData.Chair)]
    public async Task SaveAsync_NotTheClerk_Forbidden(string role)
    {
        var meeting = await app.MeetingIdAsync(2016, 6, 27);
        var result = await AsAsync(role, s => s.SaveAsync(meeting, CoverSheetPapers.MattersArising, 0, Input("CSD16100")));
        Assert.Equal("Only the clerk (an administrator) can change a cover sheet", result.Denied);
    }

    [ProviderFact]
    public async Task SaveAsync_InvalidReportNumber_FieldErrorNothingSaved()
    {
        var meeting = await app.MeetingIdAsync(2016, 6, 27);
        var result = await AsAsync(MeetingsTestData.Administrator, s => s.SaveAsync(meeting, CoverSheetPapers.MattersArising, 0, Input("16100")));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == nameof(CoverSheetInput.ReportNumber));
        var sheet = await AsAsync(MeetingsTestData.Member, s => s.GetAsync(meeting, CoverSheetPapers.MattersArising));
        Assert.False(sheet!.IsSaved);
    }

    [ProviderFact]
    public async Task SaveAsync_UnknownPaperOrMeeting_Missing()
    {
        var meeting = await app.MeetingIdAsync(2016, 6, 27);
        Assert.True((await AsAsync(MeetingsTestData.Administrator, s => s.SaveAsync(meeting, "newsletter", 0, Input("CSD16100")))).NotFound);
        Assert.True((await AsAsync(MeetingsTestData.Administrator, s => s.SaveAsync(99999, CoverSheetPapers.MattersArising, 0, Input("CSD16100")))).NotFound);
    }
}

/// <summary>The cases of <see cref="CoverSheetPapersTestsBase"/> on SQLite (the default provider).</summary>
public sealed class CoverSheetPapersTests(TrackerAppFactory app) : CoverSheetPapersTestsBase(app), IClassFixture<TrackerAppFactory>;

/// <summary>The same cases on PostgreSQL, on a database of their own (skipped when no PostgreSQL is configured).</summary>
public sealed class CoverSheetPapersTestsOnPostgreSql(PostgreSqlAppFactory app) : CoverSheetPapersTestsBase(app), IClassFixture<PostgreSqlAppFactory>, IPostgreSqlTests;
