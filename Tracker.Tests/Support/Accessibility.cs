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
        var duplicated = await page.EvaluateAsync<string[]>(DuplicatedReferencedIdsScript);
        Assert.True(duplicated.Length == 0, $"Ids used by more than one element on {page.Url}, and referred to by a label, an ARIA attribute or a link: {string.Join(", ", duplicated)}");
    }

    /// <summary>
    /// Ids that a label (for), an ARIA reference or an in-page link points at, held by more than one element: the
    /// label or link then reaches the first, which may be the wrong field (a dialog over a form with the same field
    /// names). axe no longer checks duplicate ids (WCAG 2.2 made 4.1.1 obsolete); the harm to users remains.
    /// </summary>
    const string DuplicatedReferencedIdsScript = @"() => {
        const referred = new Set();
        document.querySelectorAll('label[for]').forEach(l => referred.add(l.htmlFor));
        document.querySelectorAll('[aria-labelledby],[aria-describedby],[aria-controls]').forEach(e =>
            ['aria-labelledby', 'aria-describedby', 'aria-controls'].forEach(a => (e.getAttribute(a) || '').split(/\s+/).filter(Boolean).forEach(id => referred.add(id))));
        document.querySelectorAll('a[href^=""#""]').forEach(a => a.getAttribute('href').length > 1 && referred.add(decodeURIComponent(a.getAttribute('href').slice(1))));
        return [...referred].filter(id => document.querySelectorAll('[id=""' + CSS.escape(id) + '""]').length > 1);
    }";

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
