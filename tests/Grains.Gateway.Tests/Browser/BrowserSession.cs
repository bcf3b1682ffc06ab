using Grains.Testing;
using Microsoft.Playwright;

namespace Grains.Gateway.Tests.Browser;

/// <summary>
/// The machine's Chromium for one test (<see cref="MachineChromium"/>: a missing Chromium fails the test that needs it),
/// and the screenshots tests save to <see cref="ArtifactsDirectory"/>, in the test output folder.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly MachineChromium _chromium;

    private BrowserSession(MachineChromium chromium) => _chromium = chromium;

    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "browser")).FullName;

    public static async Task<BrowserSession> StartAsync() => new(await MachineChromium.LaunchAsync());

    /// <summary>A page of <paramref name="baseUrl"/> that answers the browser's Basic prompt with the operator's credentials.</summary>
    public Task<IPage> OpenAsync(Uri baseUrl, string user, string password, int width = 1400, int height = 900) =>
        _chromium.OpenAsync(baseUrl, user, password, width, height);

    /// <summary>Saves a full-page screenshot as <c>{name}.png</c> in <see cref="ArtifactsDirectory"/>.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();
}
