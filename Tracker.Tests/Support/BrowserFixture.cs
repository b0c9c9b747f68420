using Microsoft.Playwright;

namespace Tracker.Tests.Support;

/// <summary>
/// The app served by Kestrel on a loopback port, and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it launches /usr/bin/chromium (CHROMIUM_PATH overrides).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public TrackerAppFactory App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A new browser context (its own cookies), signed in as a demo account.</summary>
    public async Task<IPage> SignedInPageAsync(string account, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, account);
        return page;
    }

    /// <summary>Signs a page in as a demo account through the sign-in form, on whichever app its context points at.</summary>
    public static async Task SignInAsync(IPage page, string account)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync($"{account}@example.org");
        await page.GetByLabel("Password").FillAsync(TrackerAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("/account/login"));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public static class InteractivePages
{
    /// <summary>
    /// Waits until the page's circuit has rendered it (the layout marks main once interactive):
    /// before that, the prerendered page shows but does not respond or update.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Assertions.Expect(page.Locator("main[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 10000 });

    /// <summary>Chooses <paramref name="option"/> from a MudBlazor select (by its combobox) and waits until it has finished.</summary>
    public static async Task ChooseAsync(this IPage page, ILocator combobox, string option)
    {
        await combobox.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await page.WaitForListClosedAsync();
    }

    /// <summary>
    /// Types <paramref name="typed"/> into a MudBlazor autocomplete, chooses the first option offered that contains
    /// <paramref name="option"/>, and waits until the list has closed: the choice reaches the server with the closing,
    /// and "Add" clicked before it found no one chosen (the clerk's "also present", once).
    /// </summary>
    public static async Task FindAndChooseAsync(this IPage page, ILocator input, string typed, string option)
    {
        await input.FillAsync(typed);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).First.ClickAsync();
        await page.WaitForListClosedAsync();
    }

    /// <summary>Chooses <paramref name="option"/> from the MudBlazor select labelled <paramref name="label"/>.</summary>
    public static Task ChooseAsync(this IPage page, string label, string option) =>
        page.ChooseAsync(page.GetByRole(AriaRole.Combobox, new() { Name = label }), option);

    /// <summary>
    /// Waits until no list of options is open and the focus has stayed put for 100 ms. After an option is
    /// clicked, MudBlazor closes the list and moves the focus (to the select's input, then away) by calls from
    /// the server over the next 50 ms or so; text filled into the next field meanwhile was typed wherever the
    /// focus had gone, and lost (a question's text, now and then, in a browser test).
    /// </summary>
    public static Task WaitForListClosedAsync(this IPage page) => page.WaitForFunctionAsync(FocusSettledScript, true);

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="matches"/> and its document has loaded.
    /// Not Playwright's <c>WaitForURLAsync</c> nor <c>WaitForLoadStateAsync</c>: Playwright .NET checks what it
    /// knows, then waits for the next event, on another thread from the one that records events. An event that
    /// lands between the two is missed and the test waits out 30 s for a page already there: a Blazor
    /// <c>NavigateTo</c> after a save or a filter (two browser tests in a day on CI), and the load of the page
    /// after signing in (once on CI: the wait saw only the later "network idle"). So both are polled here.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> matches)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(matches(page.Url) && await HasLoadedAsync(page) && matches(page.Url)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"The address stayed {page.Url} for 30 s, or its page did not load");
            await Task.Delay(20);
        }
    }

    static async Task<bool> HasLoadedAsync(IPage page)
    {
        try { return await page.EvaluateAsync<string>("document.readyState") == "complete"; }
        catch (PlaywrightException) { return false; } // the document went away under the check: still navigating
    }

    /// <summary>Waits until the page's address (without its query) ends with <paramref name="path"/>.</summary>
    public static Task WaitForPathAsync(this IPage page, string path) =>
        page.WaitForAddressAsync(url => new Uri(url).AbsolutePath.EndsWith(path, StringComparison.Ordinal));

    /// <summary>
    /// Waits until the focus has stayed on one element for 100 ms. MudBlazor moves the focus by calls from the
    /// server just after a dialog opens: a field cleared before that was found holding its text again when the
    /// form was saved (the minute's title, once, on CI).
    /// </summary>
    public static Task WaitForFocusSettledAsync(this IPage page) => page.WaitForFunctionAsync(FocusSettledScript, false);

    // True once the focus has stayed on one element for 100 ms (and, when asked, no list of options is open).
    const string FocusSettledScript = @"async listClosed => {
        const open = () => listClosed && document.querySelector('[role=option]');
        if (open()) return false;
        const before = document.activeElement;
        await new Promise(r => setTimeout(r, 100));
        return document.activeElement === before && !open();
    }";

    /// <summary>Goes to a page of the app and waits until it is interactive.</summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForInteractiveAsync();
    }
}
