using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Tracker.Tests.Support;

/// <summary>
/// Debian's nginx on a free loopback port with the deployment's own configuration
/// (deploy/nginx-tracker.conf), its upstream servers replaced by the given instances, logging which
/// instance served each request (the configuration's <c>tracker_upstream</c> format).
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    readonly string _folder;
    readonly string _config;

    NginxProxy(string folder, string config, int port) => (_folder, _config, BaseUrl) = (folder, config, $"http://127.0.0.1:{port}");

    public string BaseUrl { get; }
    public string AccessLog => Path.Combine(_folder, "access.log");

    /// <summary>nginx from Debian's package (.ci/run installs it).</summary>
    public static string? Executable => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<NginxProxy> StartAsync(IEnumerable<Uri> instances)
    {
        var nginx = Executable ?? throw new InvalidOperationException("nginx is not installed (Debian's nginx: .ci/run installs it)");
        var folder = Directory.CreateTempSubdirectory("tracker-nginx").FullName;
        var port = FreePort();
        var site = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx-tracker.conf"));
        site = UpstreamServers().Replace(site, "");
        site = site.Replace("hash $tracker_route consistent;",
            "hash $tracker_route consistent;\n" + string.Concat(instances.Select(u => $"    server 127.0.0.1:{u.Port};\n")));
        site = site.Replace("listen 127.0.0.1:8080;", $"listen 127.0.0.1:{port};");
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events {}
            http {
              client_body_temp_path {{folder}}; proxy_temp_path {{folder}}; fastcgi_temp_path {{folder}};
              uwsgi_temp_path {{folder}}; scgi_temp_path {{folder}};
            {{site}}
              access_log {{folder}}/access.log tracker_upstream;
            }
            """);
        using (var start = Process.Start(nginx, ["-c", config]))
        {
            await start.WaitForExitAsync();
            if (start.ExitCode != 0) throw new InvalidOperationException($"nginx did not start: {await File.ReadAllTextAsync(Path.Combine(folder, "error.log"))}");
        }
        return new NginxProxy(folder, config, port);
    }

    /// <summary>The access log's lines, once nginx has written them (a WebSocket's line is written when it closes).</summary>
    public async Task<IReadOnlyList<string>> AccessLogAsync(Func<IReadOnlyList<string>, bool> complete)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = File.Exists(AccessLog) ? await File.ReadAllLinesAsync(AccessLog) : [];
            if (complete(lines) || DateTime.UtcNow > until) return lines;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Executable is { } nginx)
            using (var stop = Process.Start(nginx, ["-c", _config, "-s", "stop"])) await stop.WaitForExitAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "deploy", "nginx-tracker.conf"))) return folder.FullName;
        throw new InvalidOperationException("deploy/nginx-tracker.conf not found above the test assembly");
    }

    [GeneratedRegex(@"^\s*server 127\.0\.0\.1:\d+[^;]*;\s*$\n?", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();
}
