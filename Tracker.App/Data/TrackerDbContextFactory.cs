using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Hosting;
using Tracker.App.Live;

namespace Tracker.App.Data;

/// <summary>
/// One <see cref="TrackerDbContext"/> per operation. A circuit lives as long as a browser tab, so a
/// component never keeps a context: it asks its area's service, which creates one here for each read
/// or write and disposes it. The audit and change-feed interceptors keep state for the save in
/// progress, so each context gets new ones, stamped with the user of this request or circuit.
/// On PostgreSQL the context is a <see cref="PostgreSqlTrackerContext"/> (its own migrations).
/// </summary>
public sealed class TrackerDbContextFactory(
    TrackerDatabase database, ChangeFeed feed, ICurrentUser user, TimeProvider clock)
    : IDbContextFactory<TrackerDbContext>
{
    public TrackerDbContext CreateDbContext()
    {
        // Interceptor order matters: the change feed sees a save complete before the audit interceptor
        // commits the transaction it opened.
        var changes = new ChangeFeedInterceptor(feed, user, clock);
        var audit = new AuditInterceptor(user, clock);
        var options = new DbContextOptionsBuilder<TrackerDbContext>(database.Options)
            .AddInterceptors(changes, audit)
            .Options;
        var db = database.IsPostgreSql ? new PostgreSqlTrackerContext(options) : new TrackerDbContext(options);
        db.Interceptors = new SaveInterceptors(changes, audit);
        return db;
    }
}
