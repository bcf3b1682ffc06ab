using Microsoft.Playwright;

namespace Grains.Gateway.Tests.Browser;

/// <summary>
/// Playwright driving the machine's Chromium (<see cref="ChromiumPath"/>; Playwright's own browser download is not
/// used). A missing Chromium fails the test that needs it: <c>.ci/run</c> installs it. Screenshots go to
/// <see cref="ArtifactsDirectory"/>, in the test output folder.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "browser")).FullName;

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install the Debian package 'chromium' (.ci/run does).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return new BrowserSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page of <paramref name="baseUrl"/> that answers the browser's Basic prompt with the operator's credentials.</summary>
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

    /// <summary>Saves a full-page screenshot as <c>{name}.png</c> in <see cref="ArtifactsDirectory"/>.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
