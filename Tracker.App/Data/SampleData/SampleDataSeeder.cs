using Microsoft.EntityFrameworkCore;

namespace Tracker.App.Data.SampleData;

/// <summary>Seeds the sample partnership once: only into a database that has no partners yet.</summary>
public sealed class SampleDataSeeder(TrackerDbContext db, IEnumerable<ISampleData> areas, ILogger<SampleDataSeeder> logger)
{
    public async Task SeedOnceAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Partners.AnyAsync(cancellationToken)) return;
        foreach (var area in areas.OrderBy(a => a.Order))
        {
            await area.SeedAsync(db, cancellationToken);
            db.ChangeTracker.Clear();
        }
        logger.LogInformation("Seeded the sample partnership.");
    }
}

public static class SampleDataRegistration
{
    public static void AddTrackerSampleData(this IServiceCollection services)
    {
        services.AddScoped<SampleDataSeeder>();
        services.AddScoped<ISampleData, PeopleSampleData>();
        services.AddScoped<ISampleData, AccountsSampleData>();
        services.AddScoped<ISampleData, MeetingsSampleData>();
        services.AddScoped<ISampleData, CoverSheetsSampleData>();
        services.AddScoped<ISampleData, StrategySampleData>();
        services.AddScoped<ISampleData, RisksSampleData>();
    }
}
