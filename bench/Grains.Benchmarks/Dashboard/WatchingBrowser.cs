using Microsoft.Playwright;

namespace Grains.Benchmarks.Dashboard;

/// <summary>One headless Chromium (the machine's, <c>/usr/bin/chromium</c>) showing one operator page, as an operator would leave it open.</summary>
internal sealed class WatchingBrowser : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private WatchingBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>The Chromium process' own CPU is not measured: it is the operator's machine, not the cluster.</summary>
    public static async Task<WatchingBrowser> OpenAsync(Uri page, string operatorKey)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing (apt-get install chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            HttpCredentials = new HttpCredentials { Username = "operator", Password = operatorKey },
        });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        return new WatchingBrowser(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
