using Tracker.App.Features.Meetings;
using Tracker.App.Features.Meetings.Papers;
using Tracker.App.Features.Risks.Papers;
using Tracker.App.Features.Strategy.Papers;

namespace Tracker.App.Features.Papers;

public static class PapersServices
{
    /// <summary>The committee papers: settings, cover sheets, the document writers and the PDF converter.</summary>
    public static void AddPapers(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PaperSettings>(builder.Configuration.GetSection(PaperSettings.Section));
        builder.Services.AddSingleton<PdfConverter>();
        builder.Services.AddScoped<CoverSheetService>();
        builder.Services.AddScoped<ProgressReportDocument>();
        builder.Services.AddScoped<ActionsWorkbook>();
        builder.Services.AddScoped<RiskRegisterDocument>();
        builder.Services.AddScoped<RiskRegisterWorkbook>();
        builder.Services.AddScoped<MeetingPapers>();
        builder.Services.AddScoped<MeetingPackBuilder>();
    }
}
