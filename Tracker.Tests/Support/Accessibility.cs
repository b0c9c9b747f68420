using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tracker.Tests.Support;

public static class Accessibility
{
    /// <summary>Runs axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules and fails on any violation, listing them.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        };
        var result = await page.RunAxe(options);
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"Accessibility violations on {page.Url}:\n{report}");
    }

    /// <summary>
    /// Fails when the page scrolls sideways (WCAG 1.4.10, reflow at 320 CSS px wide), naming the first
    /// elements past the edge that are not inside a scrolling table.
    /// </summary>
    public static async Task AssertNoSidewaysScrollAsync(this IPage page)
    {
        var wide = await page.EvaluateAsync<string>(@"() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1 ? '' :
            [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
                .slice(0, 5).map(e => e.tagName + '.' + e.className).join(' | ') || 'something outside main'");
        Assert.True(wide == "", $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px: {wide}");
    }
}
