using System.Collections.Concurrent;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Tracker.Tests.App.GovUk;

/// <summary>
/// The Design System's own example HTML: govuk-frontend ships, for every component, a fixtures.json of
/// named examples (options + the HTML its Nunjucks macro renders). The build installs the package with
/// npm, so the tests compare our components with the exact version the app's CSS and JS come from.
/// </summary>
static class GovUkFixtures
{
    static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Components = new();

    /// <summary>The HTML of one named fixture of a component ("button", "error-summary"…).</summary>
    public static string Html(string component, string fixture)
    {
        var fixtures = Components.GetOrAdd(component, Load);
        return fixtures.TryGetValue(fixture, out var html)
            ? html
            : throw new InvalidOperationException($"govuk-frontend has no \"{fixture}\" fixture for {component}.");
    }

    /// <summary>
    /// One element of a fixture (say its second summary-list row), for examples that combine features our
    /// component offers separately.
    /// </summary>
    public static string Part(string component, string fixture, string selector, int index = 0)
    {
        var document = new HtmlParser().ParseDocument(Html(component, fixture));
        var elements = document.QuerySelectorAll(selector);
        if (index >= elements.Length)
            throw new InvalidOperationException($"The \"{fixture}\" fixture of {component} has no {selector} #{index}.");
        return elements[index].OuterHtml;
    }

    static IReadOnlyDictionary<string, string> Load(string component)
    {
        var path = Path.Combine(RepositoryRoot(), "Tracker.App", "node_modules", "govuk-frontend", "dist", "govuk",
            "components", component, "fixtures.json");
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"{path} is missing: run `dotnet build` first (it runs npm ci in Tracker.App, which installs govuk-frontend).");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("fixtures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("html").GetString()!);
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SaferBromley.Tracker.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No SaferBromley.Tracker.sln above {AppContext.BaseDirectory}.");
    }
}
