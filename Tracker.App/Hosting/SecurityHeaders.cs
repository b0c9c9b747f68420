namespace Tracker.App.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// No inline or foreign script: ours, Blazor's and MudBlazor's JavaScript are files served here,
    /// and the circuit's WebSocket goes to this origin (connect-src 'self'). Styles allow inline
    /// because MudBlazor's theme provider writes a &lt;style&gt; element with the theme's variables and
    /// its components set style attributes (positions of popovers, widths); inline style cannot run
    /// code. Images allow data: URIs (MudBlazor's icons are inline SVG, which needs nothing).
    /// </summary>
    const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            await next();
        });
}
