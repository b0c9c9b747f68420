namespace Tracker.App.Data.SampleData;

/// <summary>One area's sample data, derived from the partnership's published papers.</summary>
public interface ISampleData
{
    /// <summary>Areas seed in ascending order: people before the things they own.</summary>
    int Order { get; }
    Task SeedAsync(TrackerDbContext db, CancellationToken cancellationToken);
}
