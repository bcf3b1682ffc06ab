using System.Globalization;
using System.Net;
using Grains.Testing;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// The built gateway executable as a real process, listening on its own free loopback port with its own directory as
/// content root (as deployed). Settings that are secrets (keys) go in its environment. Disposing kills it by its id.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);

    private readonly ProjectProcess _process;

    private GatewayProcess(ProjectProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the gateway wrote, for failure messages.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>Starts the gateway and waits until it serves HTTP (<c>/health/live</c>); a port taken meanwhile is retried with another.</summary>
    public static async Task<GatewayProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var assembly = RepositoryPaths.BuiltAssembly("Grains.Gateway");
        for (var attempt = 1; ; attempt++)
        {
            var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}"));
            var process = ProjectProcess.Start(
                name, assembly, [$"--urls={baseAddress}", $"--contentRoot={Path.GetDirectoryName(assembly)}"], environment);
            var gateway = new GatewayProcess(process, baseAddress);
            try
            {
                await gateway.WaitUntilLiveAsync();
                return gateway;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await gateway.DisposeAsync();
            }
            catch
            {
                await gateway.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A client of this gateway; the caller disposes it.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    public override string ToString() => $"{_process} at {BaseAddress}";

    private async Task WaitUntilLiveAsync()
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{this} exited with code {_process.ExitCode}:{Environment.NewLine}{_process.RecentOutput}");
                }

                try
                {
                    using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
                    return live.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            s_startTimeout,
            $"{this} to serve HTTP");
    }
}
