using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tracker.Tests.Support;

/// <summary>
/// The app with the sign-in throttle as configured in appsettings (the other factories raise it),
/// and each request's client address taken from the <c>X-Test-Client</c> header, so a test can be
/// several machines at once.
/// </summary>
public class ThrottledAppFactory : TrackerAppFactory
{
    public const string ClientHeader = "X-Test-Client";
    readonly Dictionary<string, string> _settings;

    public ThrottledAppFactory() : this([]) { }
    public ThrottledAppFactory(Dictionary<string, string> settings) => _settings = settings;

    protected override bool RaiseSignInLimits => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>A plain client that every request says comes from <paramref name="address"/>.</summary>
    public HttpClient CreateClientFrom(string address)
    {
        var client = CreatePlainClient();
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
