using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.LocalCluster;

/// <summary>
/// Starts the store, the silos (each serving the shop's API next to its grains) and the gateway in front of them as
/// separate processes, waits until the gateway is ready, and prints where everything listens. On stop (Ctrl-C) it stops every process it started, the gateway first and the store last.
/// </summary>
public sealed partial class LocalClusterService(
    IOptions<LocalClusterOptions> options,
    IConfiguration configuration,
    ILogger<LocalClusterService> logger) : IHostedService
{
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(10);
    private readonly List<ChildProcess> _started = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var store = await StoreLauncher.StartAsync(configuration["Redis:ConnectionString"], settings, cancellationToken).ConfigureAwait(false);
            if (store.Process is not null)
            {
                _started.Add(store.Process);
            }

            LogStoreReady(logger, store.Description);
            // One token key for the run, shared by every silo (any silo checks any token), in the environment.
            var tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var silos = Enumerable.Range(0, settings.Silos).Select(i => StartSilo(store, settings, i, tokenKey)).ToList();
            var gatewayUrl = new Uri($"http://127.0.0.1:{settings.GatewayPort.ToString(CultureInfo.InvariantCulture)}");
            // The operator tools are on: with the key given (--Dashboard:OperatorKey), or one made for this run.
            var operatorKey = configuration["Dashboard:OperatorKey"] is { Length: > 0 } given ? given : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
            var gateway = StartGateway(store, settings, gatewayUrl, operatorKey);
            await Readiness.WaitForHttpOkAsync(new Uri(gatewayUrl, "/health/ready"), settings.StartTimeout, cancellationToken).ConfigureAwait(false);
            PrintSummary(store, silos, gateway, gatewayUrl, settings, operatorKey);
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Gateway first, store last: nothing is left talking to a store that is gone.
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            var child = _started[i];
            LogStopping(logger, child.Name, child.Id);
            await child.StopAsync(s_grace).ConfigureAwait(false);
            child.Dispose();
        }

        _started.Clear();
    }

    private (string Name, Uri Url, ChildProcess Process) StartSilo(Store store, LocalClusterOptions settings, int index, string tokenKey)
    {
        var name = $"silo-{index + 1}";
        var url = new Uri($"http://127.0.0.1:{(settings.FirstSiloHttpPort + index).ToString(CultureInfo.InvariantCulture)}");
        var process = StartDotnet(name, BuildOutputs.SiloAssembly, store, settings,
        [
            $"--Silo:Name={name}",
            $"--Silo:Port={(settings.FirstSiloPort + index).ToString(CultureInfo.InvariantCulture)}",
            $"--Silo:GatewayPort={(settings.FirstSiloGatewayPort + index).ToString(CultureInfo.InvariantCulture)}",
            $"--urls={url}",
        ],
        new Dictionary<string, string> { ["Api__TokenKey"] = tokenKey });
        return (name, url, process);
    }

    private ChildProcess StartGateway(Store store, LocalClusterOptions settings, Uri url, string operatorKey)
    {
        // The operator key is made once per run (or given), and passed in the environment, not on the command line.
        var environment = new Dictionary<string, string> { ["Dashboard__OperatorKey"] = operatorKey };
        return StartDotnet("gateway", BuildOutputs.GatewayAssembly, store, settings, [$"--urls={url}"], environment);
    }

    private ChildProcess StartDotnet(
        string name, string assembly, Store store, LocalClusterOptions settings, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(assembly) };
        startInfo.ArgumentList.Add(assembly);
        startInfo.ArgumentList.Add($"--Redis:ConnectionString={store.ConnectionString}");
        startInfo.ArgumentList.Add($"--Cluster:Id={settings.ClusterId}");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? [])
        {
            startInfo.Environment[key] = value;
        }

        var child = ChildProcess.Start(name, startInfo);
        _started.Add(child);
        return child;
    }

    private static void PrintSummary(
        Store store, List<(string Name, Uri Url, ChildProcess Process)> silos, ChildProcess gateway, Uri gatewayUrl, LocalClusterOptions settings, string operatorKey)
    {
        var lines = new List<string>
        {
            string.Empty,
            $"Grains local cluster '{settings.ClusterId}' is up.",
            store.Process is null ? $"  store    {store.Description}" : $"  store    {store.Description}  (pid {store.Process.Id})",
        };
        lines.AddRange(silos.Select(s => $"  {s.Name,-8} {s.Url}  (pid {s.Process.Id}; 'kill -9 {s.Process.Id}' crashes it)"));
        lines.Add($"  gateway  {gatewayUrl}  (pid {gateway.Id}; sends each user's requests to the silo that holds the user's grains)");
        lines.Add($"           {new Uri(gatewayUrl, "/openapi/v1.json")}");
        lines.Add($"           {new Uri(gatewayUrl, "/health/ready")}");
        lines.Add($"  operator {new Uri(gatewayUrl, "/dashboard/placement")}  (where every grain lives)");
        lines.Add($"           {new Uri(gatewayUrl, "/dashboard/")}  (the Orleans dashboard)");
        lines.Add($"           {new Uri(gatewayUrl, "/metrics")}  (Prometheus)");
        lines.Add($"           user 'operator', password '{operatorKey}' (HTTP Basic; --Dashboard:OperatorKey=... to choose it)");
        lines.Add("Press Ctrl-C to stop everything.");
        lines.Add(string.Empty);
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }

    [LoggerMessage(1, LogLevel.Information, "Store ready: {Description}.")]
    private static partial void LogStoreReady(ILogger logger, string description);

    [LoggerMessage(2, LogLevel.Information, "Stopping {Name} (pid {Pid}).")]
    private static partial void LogStopping(ILogger logger, string name, int pid);
}
