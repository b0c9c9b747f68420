using Tracker.App.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tracker.App.Features.Meetings;

public static class MeetingsEndpoints
{
    /// <summary>The matters-arising CSV and the live-region fragments of the meetings pages.</summary>
    public static void MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/matters-arising/export.csv", async (int? meeting, MattersArisingService matters, CancellationToken ct) =>
            FileDownload.Csv(await matters.ExportCsvAsync(meeting, ct),
                meeting is null ? "matters-arising.csv" : $"matters-arising-meeting-{meeting}.csv"));

        var live = app.MapGroup("/live/meetings");
        live.MapGet("/panel", () => new RazorComponentResult<MattersPanel>());
        live.MapGet("/matters", async (string? view, MattersArisingService matters, CancellationToken ct) =>
        {
            var log = await matters.LogAsync(Enum.TryParse<MatterView>(view, true, out var v) ? v : null, ct);
            return new RazorComponentResult<MattersList>(new
            {
                log.Matters, matters.Today, Caption = MattersLogPage.Caption(log.View), Empty = MattersLogPage.Empty(log.View),
            });
        });
        live.MapGet("/{id:int}/report", async Task<IResult> (int id, MattersArisingService matters, CancellationToken ct) =>
            await matters.ReportAsync(id, ct) is { } report
                ? new RazorComponentResult<MattersReportTable>(new { report.Rows })
                : Results.NotFound());
        live.MapGet("/{id:int}/pack", async Task<IResult> (int id, MeetingsService meetings, CancellationToken ct) =>
            await meetings.GetPackAsync(id, ct) is { } pack
                ? new RazorComponentResult<MeetingPackBody>(new { Pack = pack })
                : Results.NotFound());
    }
}
