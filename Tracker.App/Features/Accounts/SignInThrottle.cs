using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tracker.App.Features.Accounts;

/// <summary>
/// Limits on sign-in attempts (posts of the sign-in form), from appsettings' <c>SignIn</c> section.
/// Reading the sign-in page is never limited.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Attempts from one client address, whatever the email: an office behind one address still signs in.</summary>
    public int AddressPermitLimit { get; set; } = 20;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts from one client address for one email. Kept below Identity's lockout threshold (5), so
    /// one machine cannot lock an account out: it is stopped first.
    /// </summary>
    public int AccountPermitLimit { get; set; } = 4;
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Lockout counts an account's failures within this window only. Shorter than <see cref="AccountWindow"/>
    /// less a minute (the sliding window's segment), so one address never gets 5 failures into it.
    /// </summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in form: sliding windows per client address and per
/// client address and email, answered with 429, a Retry-After header and a page saying when to try again
/// (plain HTML in the static pages' look: the limiter answers before any page is rendered).
/// </summary>
public static class SignInThrottle
{
    const string EmailItem = "SignInThrottle.Email";

    public static void AddSignInThrottle(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection(SignInThrottleOptions.Section));
        builder.Services.AddSingleton<RecentSignInFailures>();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    if (!IsSignInPost(context)) return RateLimitPartition.GetNoLimiter("");
                    var limits = Limits(context);
                    return RateLimitPartition.Get(ClientAddress(context),
                        _ => new RetryAfterWindowLimiter(limits.AddressPermitLimit, limits.AddressWindow));
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    if (!IsSignInPost(context) || context.Items[EmailItem] is not string email) return RateLimitPartition.GetNoLimiter("");
                    var limits = Limits(context);
                    return RateLimitPartition.Get(ClientAddress(context) + " " + email,
                        _ => new RetryAfterWindowLimiter(limits.AccountPermitLimit, limits.AccountWindow));
                }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => WriteTooManyAsync(context.HttpContext, context.Lease, cancellationToken);
        });
    }

    /// <summary>After routing (to know the sign-in page) and before anything reads the form.</summary>
    public static void UseSignInThrottle(this WebApplication app)
    {
        // The email is in the posted form; the limiter's partitions are chosen synchronously, so read it first.
        app.Use(async (context, next) =>
        {
            if (IsSignInPost(context) && context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    var email = form["Input.Email"].ToString().Trim();
                    if (email.Length > 0) context.Items[EmailItem] = email.ToUpperInvariant();
                }
                catch (InvalidDataException)
                {
                    // A malformed form is refused later; the address limit still counts it.
                }
            }
            await next(context);
        });
        app.UseRateLimiter();
    }

    static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(Login);

    static SignInThrottleOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value;

    static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";

    static async ValueTask WriteTooManyAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(15);
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>Too many sign-in attempts – Safer Bromley Partnership tracker</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href="/_content/MudBlazor/MudBlazor.min.css" />
                <link rel="stylesheet" href="/css/tracker.css" />
            </head>
            <body>
                <div class="static-page">
                    <header class="static-page__header">Safer Bromley Partnership – Actions and Risk Tracker</header>
                    <main id="main-content" class="static-page__main">
                        <h1 class="static-heading">Too many sign-in attempts</h1>
                        <p>There have been too many attempts to sign in from your network. Try again in {{minutes}} {{(minutes == 1 ? "minute" : "minutes")}}.</p>
                        <p>If you cannot sign in, ask the community safety team.</p>
                        <p><a href="/account/login">Back to sign in</a></p>
                    </main>
                </div>
            </body>
            </html>
            """, cancellationToken);
    }

    /// <summary>
    /// A sliding window (one segment a minute, or finer for short windows) whose refusals carry a
    /// Retry-After: the window's length, by when a permit is certainly free again. The framework's
    /// sliding window limiter gives none.
    /// </summary>
    sealed class RetryAfterWindowLimiter(int permitLimit, TimeSpan window) : RateLimiter
    {
        readonly SlidingWindowRateLimiter _inner = new(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            SegmentsPerWindow = Math.Clamp((int)window.TotalMinutes, 1, 60),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

        public override TimeSpan? IdleDuration => _inner.IdleDuration;
        public override RateLimiterStatistics? GetStatistics() => _inner.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => WithRetryAfter(_inner.AttemptAcquire(permitCount));

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            WithRetryAfter(await _inner.AcquireAsync(permitCount, cancellationToken));

        RateLimitLease WithRetryAfter(RateLimitLease lease) => lease.IsAcquired ? lease : new Refused(window);

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }

        sealed class Refused(TimeSpan retryAfter) : RateLimitLease
        {
            public override bool IsAcquired => false;
            public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
                return metadata is not null;
            }
        }
    }
}
