using System.Reflection;
using System.Runtime.Loader;

/// <summary>
/// Runs before the app's Main (DOTNET_STARTUP_HOOKS=…/BenchHook.dll): names this assembly as a hosting
/// startup, so the app's own WebApplicationBuilder loads <see cref="BenchHook.BenchStartup"/>, and lets
/// the runtime find it by name (it is not in the app's deps.json).
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == self.GetName().Name ? self : null;
        var existing = Environment.GetEnvironmentVariable("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES");
        Environment.SetEnvironmentVariable("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES",
            string.IsNullOrEmpty(existing) ? self.GetName().Name : $"{existing};{self.GetName().Name}");
    }
}
