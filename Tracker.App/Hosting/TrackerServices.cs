using Tracker.App.Data.SampleData;
using Tracker.App.Features.Dashboard;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.People;
using Tracker.App.Features.Admin;
using Tracker.App.Features.Strategy;
using Tracker.App.Features.Risks;
using Tracker.App.Features.Papers;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

public static class TrackerServices
{
    /// <summary>Everything the tracker registers, area by area.</summary>
    public static void AddTracker(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTrackerDatabase();
        builder.AddTrackerIdentity();

        // Data protection keys: the data folder on SQLite, the database on PostgreSQL (AddTrackerDatabase).
        builder.AddTrackerInteractivity();
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<RelayHealthCheck>("relay", tags: ["ready"])
            .AddCheck<StartupHealthCheck>("startup", tags: ["ready"]);

        builder.Services.AddScoped<PeopleService>();
        builder.Services.AddScoped<AuditQueries>();
        builder.Services.AddMeetings();
        builder.Services.AddStrategy();
        builder.Services.AddRisks();
        builder.Services.AddDashboard();
        builder.AddPapers();
        builder.Services.AddTrackerSampleData();
        builder.AddReminders();
    }
}
