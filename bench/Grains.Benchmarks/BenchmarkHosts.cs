using System.Globalization;
using Grains.Silo.Hosting;
using Grains.Silo.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Grains.Benchmarks;

/// <summary>The hosts the benchmark runs: a shop silo that also hosts the ping grain (child process or in-process), and an Orleans client.</summary>
internal static class BenchmarkHosts
{
    public const string SiloName = "bench-silo";

    /// <summary>
    /// A one-silo cluster on 127.0.0.1, composed by <see cref="ShopSiloBuilderExtensions.AddShopSilo"/> exactly as a
    /// shop silo is (Redis membership, Redis grain directory, the shop's filters and the lease), less the filters not
    /// asked for. Orleans finds the ping grain in this assembly. Logs only warnings, to standard error.
    /// </summary>
    /// <param name="journalDirectory">Where the activation journal goes when <see cref="SiloFilters.Journal"/> is on.</param>
    /// <param name="extraSettings">More configuration of the silo (<c>Api:TokenKey</c>, for one).</param>
    public static IHost CreateSilo(string redis, string clusterId, SiloFilters filters, string? journalDirectory, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>(extraSettings ?? new Dictionary<string, string?>())
        {
            ["Silo:Name"] = SiloName,
            ["Silo:Port"] = "0",
            ["Silo:GatewayPort"] = "0",
            ["Fencing:Enabled"] = filters.HasFlag(SiloFilters.Lease) ? "true" : "false",
        };
        if (filters.HasFlag(SiloFilters.Journal))
        {
            settings["ActivationJournal:Directory"] = journalDirectory
                ?? throw new ArgumentException("The journal filter needs a directory.", nameof(journalDirectory));
        }

        // A silo is a web host (it serves the shop's API); here it listens on a free port and nothing calls it.
        settings["urls"] = "http://127.0.0.1:0";
        var builder = WebApplication.CreateSlimBuilder();
        Configure(builder, redis, clusterId, settings);
        builder.AddShopSilo();
        if (!filters.HasFlag(SiloFilters.Tagging))
        {
            RemoveIncomingFilter<SiloTaggingFilter>(builder.Services);
        }

        if (!filters.HasFlag(SiloFilters.Storage))
        {
            RemoveIncomingFilter<StorageFailureFilter>(builder.Services);
        }

        return builder.Build();
    }

    /// <summary>An Orleans client that finds the silo in the Redis membership table, as the gateway does.</summary>
    /// <param name="connectionsPerGateway">Orleans' <see cref="ConnectionOptions.ConnectionsPerEndpoint"/>.</param>
    public static IHost CreateClient(string redis, string clusterId, int connectionsPerGateway)
    {
        var builder = CreateBuilder(redis, clusterId, []);
        builder.UseOrleansClient(client => client.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis)));
        builder.Services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = clusterId;
            options.ServiceId = clusterId;
        });
        builder.Services.Configure<ConnectionOptions>(options => options.ConnectionsPerEndpoint = connectionsPerGateway);
        return builder.Build();
    }

    private static HostApplicationBuilder CreateBuilder(string redis, string clusterId, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Configure(builder, redis, clusterId, settings);
        return builder;
    }

    private static void Configure(IHostApplicationBuilder builder, string redis, string clusterId, Dictionary<string, string?> settings)
    {
        settings["Redis:ConnectionString"] = redis;
        settings["Cluster:Id"] = clusterId;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    }

    /// <summary>Orleans registers each incoming filter as a singleton <see cref="IIncomingGrainCallFilter"/> of its type.</summary>
    private static void RemoveIncomingFilter<TFilter>(IServiceCollection services)
    {
        var registered = services
            .Where(d => d.ServiceType == typeof(IIncomingGrainCallFilter) && d.ImplementationType == typeof(TFilter))
            .ToList();
        if (registered.Count == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{typeof(TFilter).Name} is not registered: the silo's composition changed."));
        }

        foreach (var descriptor in registered)
        {
            services.Remove(descriptor);
        }
    }
}
