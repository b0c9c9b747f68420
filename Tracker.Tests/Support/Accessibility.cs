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
        await page.EvaluateAsync(SettleAnimationsScript);
        var result = await page.RunAxe(options);
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"Accessibility violations on {page.Url}:\n{report}");
    }

    /// <summary>
    /// Waits for finite animations and transitions (a menu fading in, a snackbar fading out) to finish, at
    /// most 2 s. Axe measures contrast against the colours it sees at that instant, so text half-way through
    /// MudBlazor's popover fade failed colour contrast on CI now and then although it passes once shown.
    /// Two frames first, so that a transition started by the last render has begun.
    /// </summary>
    const string SettleAnimationsScript = @"async () => {
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        const finite = document.getAnimations().filter(a => a.effect?.getComputedTiming().iterations !== Infinity);
        await Promise.race([Promise.allSettled(finite.map(a => a.finished)), new Promise(r => setTimeout(r, 2000))]);
    }";

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
