using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Tracker.App.Features.Accounts;
using Tracker.App.Features.People;
using Tracker.App.Features.Meetings;
using Tracker.App.Features.Strategy;
using Tracker.App.Features.Risks;
using Tracker.App.Features.Reminders;
using Tracker.App.Live;

namespace Tracker.App.Hosting;

public static class TrackerEndpoints
{
    static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }

    public static void MapTracker(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // Pages asked for by a person get the "Page not found" page; the circuit's connection gets bare status codes.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/_blazor"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found"));
        // Routing after the status code pages, so a re-executed request finds the "not found" page.
        app.UseRouting();
        app.UseSecurityHeaders();
        // Sign-in attempts are limited per client address before Identity sees them (and before lockout counts them).
        app.UseSignInThrottle();
        // Static files are served before authentication: the sign-in page needs its styles.
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // /health: the database and the change relay, each by name (JSON). /health/ready: 200 once this
        // instance may take traffic (migrated, database answering, relay listening), else 503.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Name != "startup", ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapMeetingsEndpoints();
        app.MapStrategyEndpoints();
        app.MapRiskEndpoints();
        app.MapReminderEndpoints();
        app.MapBenchEndpoints();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
    }
}
