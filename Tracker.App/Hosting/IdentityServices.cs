using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Accounts;

namespace Tracker.App.Hosting;

public static class IdentityServices
{
    public static void AddTrackerIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<TrackerUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TrackerDbContext>()
            .AddClaimsPrincipalFactory<TrackerClaimsFactory>()
            .AddSignInManager<TrackerSignInManager>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "SaferBromley.Tracker";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The circuit's connection and file downloads asked for as JSON get a status code, not a login page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        });

        // Every endpoint requires a signed-in user unless it says [AllowAnonymous].
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // A disabled user's existing sessions end within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        builder.Services.AddScoped<UserAdminService>();
        builder.AddSignInThrottle();
    }

    /// <summary>
    /// Identity's security stamp check, as on every request. The circuit's connection (<c>/_blazor</c>) is one request
    /// that lasts as long as the tab, and the services the check resolves (the sign-in and user managers, the claims
    /// factory, a DbContext with the user it read) lived in that request's scope until the tab closed: about 35 KB in
    /// every circuit. There the check runs in a scope of its own, disposed at once; the circuit revalidates every
    /// minute after that (<see cref="RevalidatingAuthenticationState"/>).
    /// </summary>
    static async Task ValidatePrincipalAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/_blazor"))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
            return;
        }
        var http = context.HttpContext;
        var requestServices = http.RequestServices;
        await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try { await SecurityStampValidator.ValidatePrincipalAsync(context); }
        finally { http.RequestServices = requestServices; }
    }

    static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/_blazor") || context.Request.Headers.Accept.ToString().Contains("application/json"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
