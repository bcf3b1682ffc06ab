using Grains.Testing;

namespace Grains.Benchmarks.Dashboard;

/// <summary>One headless Chromium (the machine's: <see cref="MachineChromium"/>) showing one operator page, as an operator would leave it open.</summary>
internal sealed class WatchingBrowser : IAsyncDisposable
{
    private readonly MachineChromium _chromium;

    private WatchingBrowser(MachineChromium chromium) => _chromium = chromium;

    /// <summary>The Chromium process' own CPU is not measured: it is the operator's machine, not the cluster.</summary>
    public static async Task<WatchingBrowser> OpenAsync(Uri page, string operatorKey)
    {
        ArgumentNullException.ThrowIfNull(page);
        var chromium = await MachineChromium.LaunchAsync();
        try
        {
            var tab = await chromium.OpenAsync(new Uri(page.GetLeftPart(UriPartial.Authority)), "operator", operatorKey);
            await tab.GotoAsync(page.PathAndQuery);
            return new WatchingBrowser(chromium);
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();
}
