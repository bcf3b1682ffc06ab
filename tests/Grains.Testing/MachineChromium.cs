using Microsoft.Playwright;

namespace Grains.Testing;

/// <summary>
/// Playwright driving the machine's Chromium (<see cref="ExecutablePath"/>), headless; Playwright's own browser download
/// is never used. A missing Chromium is an error, never a skip: <c>.ci/run</c> installs the Debian package.
/// </summary>
public sealed class MachineChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private MachineChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <exception cref="InvalidOperationException">The machine has no Chromium.</exception>
    public static async Task<MachineChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install the Debian package 'chromium' (.ci/run does).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return new MachineChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page of <paramref name="baseUrl"/> that answers the browser's Basic prompt with <paramref name="user"/> and <paramref name="password"/>.</summary>
    public async Task<IPage> OpenAsync(Uri baseUrl, string user, string password, int width = 1400, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HttpCredentials = new HttpCredentials { Username = user, Password = password },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
