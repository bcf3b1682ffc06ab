using Grains.Benchmarks.Grains;
using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grains.Benchmarks;

/// <summary>The hosts the benchmark runs: a silo on in-memory providers (child process or in-process) and a client.</summary>
internal static class BenchmarkHosts
{
    public const string ClusterId = "bench";

    /// <summary>A single-silo cluster on loopback hosting <see cref="PingGrain"/>; logs only warnings, to standard error.</summary>
    public static IHost CreateSilo(int port)
    {
        var builder = CreateBuilder(new Dictionary<string, string?>
        {
            ["Silo:Host"] = "127.0.0.1",
            ["Silo:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:Name"] = "bench-silo",
        });
        builder.Services
            .AddGrainsSilo(builder.Configuration)
            .UseInMemory()
            .AddGrains(typeof(PingGrain).Assembly);
        return builder.Build();
    }

    /// <summary>
    /// A cluster client whose membership lists the given silo: the silo's own in-memory table lives in another
    /// process, so the client gets the row the silo would have written. Calls still go over TCP through the runtime.
    /// </summary>
    public static IHost CreateClient(InMemoryClusterStore store)
    {
        var builder = CreateBuilder([]);
        builder.Services
            .AddGrainsClient(builder.Configuration)
            .UseInMemory(store);
        return builder.Build();
    }

    private static HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        settings["Cluster:Id"] = ClusterId;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }
}
