using Tracker.Domain.Reminders;

namespace Tracker.App.Features.Reminders;

/// <summary>
/// Runs the reminders once a day at <c>Reminders:DailyAt</c> (London time), and between runs retries
/// failed sends every <c>Reminders:RetryEvery</c>. Several instances may run it: the unique reminder
/// records and the send leases make sure each reminder goes once.
/// </summary>
public sealed class ReminderBackgroundService(IServiceScopeFactory scopes, TimeProvider clock, ReminderOptions options,
    ILogger<ReminderBackgroundService> log) : BackgroundService
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextRun = ReminderSchedule.NextDailyRun(clock.GetUtcNow(), options.DailyAt, London);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var wait = nextRun - now;
            if (wait > options.RetryEvery) wait = options.RetryEvery;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reminders = scope.ServiceProvider.GetRequiredService<ReminderService>();
                if (clock.GetUtcNow() >= nextRun)
                {
                    await reminders.SendDueAsync(stoppingToken);
                    nextRun = ReminderSchedule.NextDailyRun(clock.GetUtcNow(), options.DailyAt, London);
                }
                else await reminders.RetryFailedAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The database may be busy or migrating; the next tick tries again.
                log.LogError(e, "The reminders run failed; it will be tried again");
            }
        }
    }
}
