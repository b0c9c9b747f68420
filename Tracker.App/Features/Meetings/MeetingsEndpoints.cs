using Tracker.App.Common;

namespace Tracker.App.Features.Meetings;

public static class MeetingsEndpoints
{
    /// <summary>The meetings area's services: one per responsibility, each creating a context per operation.</summary>
    public static void AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingsService>();
        services.AddScoped<AgendaService>();
        services.AddScoped<AttendanceService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<SubGroupReportService>();
        services.AddScoped<StrategicGroupCalendar>();
        services.AddScoped<MattersArisingService>();
        services.AddSingleton<MattersDataCache>();
    }

    /// <summary>The matters-arising CSV: every matter, or one meeting's Appendix A.</summary>
    public static void MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/matters-arising/export.csv", async (int? meeting, MattersArisingService matters, CancellationToken ct) =>
            FileDownload.Csv(await matters.ExportCsvAsync(meeting, ct),
                meeting is null ? "matters-arising.csv" : $"matters-arising-meeting-{meeting}.csv"));
    }
}
