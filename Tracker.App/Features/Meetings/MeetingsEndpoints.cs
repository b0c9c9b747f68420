using Tracker.App.Common;
using Tracker.App.Features.Meetings.Papers;
using Tracker.App.Features.Papers;

namespace Tracker.App.Features.Meetings;

public static class MeetingsEndpoints
{
    /// <summary>The meetings area's services: one per responsibility, each creating a context per operation.</summary>
    public static void AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingsService>();
        services.AddScoped<AgendaService>();
        services.AddScoped<AttendanceService>();
        services.AddScoped<StandingItemsService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<Papers.MinutesAsAt>();
        services.AddScoped<MinuteCorrectionsService>();
        services.AddScoped<QuestionsService>();
        services.AddScoped<SubGroupReportService>();
        services.AddScoped<StrategicGroupCalendar>();
        services.AddSingleton<StrategicGroupMeetingsCache>();
        services.AddScoped<ReviewCycle>();
        services.AddScoped<MattersArisingService>();
        services.AddSingleton<MattersDataCache>();
    }

    /// <summary>The matters-arising CSV: every matter, or one meeting's Appendix A.</summary>
    public static void MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/matters-arising/export.csv", async (int? meeting, MattersArisingService matters, CancellationToken ct) =>
            FileDownload.Csv(await matters.ExportCsvAsync(meeting, ct),
                meeting is null ? "matters-arising.csv" : $"matters-arising-meeting-{meeting}.csv"));

        // The committee papers of a meeting, each as Word, and the whole pack as a zip or one PDF.
        app.MapGet("/meetings/{id:int}/agenda.docx", async (int id, MeetingPapers papers, CancellationToken ct) =>
            await PaperResults.DocxAsync(s => papers.WriteAgendaAsync(s, id, null, null, ct), $"agenda-meeting-{id}.docx"));
        // ?asAt=yyyy-MM-dd: as the minutes stood at the next meeting's papers deadline (its pack's link).
        app.MapGet("/meetings/{id:int}/minutes.docx", async (int id, string? asAt, MeetingPapers papers, CancellationToken ct) =>
            await PaperResults.DocxAsync(s => papers.WriteMinutesAsync(s, id, null, ct, DateOnly.TryParseExact(asAt, "yyyy-MM-dd", out var day) ? day : null),
                $"minutes-meeting-{id}.docx"));
        app.MapGet("/meetings/{id:int}/matters-arising.docx", async (int id, MeetingPapers papers, CancellationToken ct) =>
            await PaperResults.DocxAsync(s => papers.WriteMattersArisingAsync(s, id, null, ct), $"matters-arising-meeting-{id}.docx"));
        app.MapGet("/meetings/forward-plan.docx", async (MeetingPapers papers, CancellationToken ct) =>
            await PaperResults.DocxAsync(async s => { await papers.WriteForwardPlanAsync(s, ct); return true; }, "forward-plan.docx"));
        app.MapGet("/meetings/{id:int}/pack.zip", async Task<IResult> (int id, MeetingPackBuilder packs, CancellationToken ct) =>
        {
            // On disk, not in memory: each paper is held only while it is added.
            var file = new FileStream(Path.Combine(Path.GetTempPath(), $"tracker-pack-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            if (!await packs.WriteZipAsync(file, id, ct))
            {
                await file.DisposeAsync();
                return Results.NotFound();
            }
            file.Position = 0;
            return Results.File(file, "application/zip", $"meeting-pack-{id}.zip");
        });
        app.MapGet("/meetings/{id:int}/pack.pdf", async Task<IResult> (int id, MeetingPackBuilder packs, CancellationToken ct) =>
        {
            if (!packs.CanMakePdf) return PaperResults.PdfUnavailable();
            return await packs.WritePdfAsync(id, ct) is { } pdf
                ? Results.File(pdf, "application/pdf", $"meeting-pack-{id}.pdf")
                : Results.NotFound();
        });

    }
}
