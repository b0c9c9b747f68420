namespace Tracker.App.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// A content security policy with no inline scripts or styles: our JavaScript is in files, and
    /// the GOV.UK Frontend "js-enabled" class is set by a file too.
    /// </summary>
    const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
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
