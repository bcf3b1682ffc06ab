using System.Text.Json;
using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Grains.Hosting.Serialization;
using Grains.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Silo.Serving;

/// <summary>
/// Tells the gateways where this silo serves HTTP, in Redis (<see cref="ClusterKeys.HttpEndpoints"/>), and when it stops.
/// <list type="bullet">
/// <item>Started: once the host has started (Orleans has joined the cluster, Kestrel listens), it publishes its URL.</item>
/// <item>Stopping: before Kestrel or Orleans stop, it marks itself draining and keeps serving for
/// <see cref="SiloHostOptions.DrainDelay"/>, so that the gateways stop sending new requests before it refuses any; then
/// Kestrel finishes the requests in flight, and only then does Orleans leave the cluster and move the grains.</item>
/// <item>Stopped: it removes its entry. The entries of silos that died are removed by whichever silo sees them dead.</item>
/// </list>
/// </summary>
public sealed partial class HttpEndpointPublisher(
    Microsoft.AspNetCore.Hosting.Server.IServer server,
    SiloEndpoints endpoints,
    ILocalSiloDetails localSilo,
    IClusterMembershipService membership,
    SharedRedis redis,
    IOptions<Grains.Hosting.Cluster.ClusterIdentityOptions> cluster,
    IOptions<SiloHostOptions> options,
    ILogger<HttpEndpointPublisher> logger) : IHostedLifecycleService
{
    private readonly RedisKey _key = ClusterKeys.HttpEndpoints(cluster.Value.EffectiveServiceId, cluster.Value.Id);
    private readonly CancellationTokenSource _stopping = new();
    private SiloHttpEndpoint? _published;
    private Task _cleanup = Task.CompletedTask;
    private volatile bool _draining;

    /// <summary>True from the moment the silo started stopping: it wants no new requests.</summary>
    public bool IsDraining => _draining;

    /// <summary>The URL this silo published, once it has.</summary>
    public Uri? Url => _published?.Url;

    private string Field => localSilo.SiloAddress.ToParsableString();

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        // An in-memory test server listens nowhere: then there is nothing to publish.
        if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is not { } address)
        {
            return;
        }

        // Kestrel may listen on every interface (0.0.0.0, a container); the gateways dial the silo's advertised address.
        var bound = BindingAddress.Parse(address);
        var url = new UriBuilder(bound.Scheme, endpoints.Address.ToString(), bound.Port).Uri;
        _published = new SiloHttpEndpoint(url, endpoints.Name, Draining: false);
        await WriteAsync(_published).ConfigureAwait(false);
        LogPublished(logger, url);
        _cleanup = Task.Run(RemoveDeadSilosAsync, CancellationToken.None);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (_published is null)
        {
            return;
        }

        try
        {
            await WriteAsync(_published with { Draining = true }).ConfigureAwait(false);
            LogDraining(logger, options.Value.DrainDelay);
            await Task.Delay(options.Value.DrainDelay, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or OperationCanceledException)
        {
            // Redis is out of reach or the host is out of time: stop all the same; gateways see the silo leave the membership.
            LogDrainFailed(logger, ex);
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _cleanup.ConfigureAwait(false);
        if (_published is not null)
        {
            try
            {
                await (await redis.GetAsync().ConfigureAwait(false)).GetDatabase().HashDeleteAsync(_key, Field).ConfigureAwait(false);
            }
            catch (RedisException ex)
            {
                LogDrainFailed(logger, ex);
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WriteAsync(SiloHttpEndpoint endpoint)
    {
        var json = JsonSerializer.Serialize(endpoint, HostingJsonContext.Default.SiloHttpEndpoint);
        await (await redis.GetAsync().ConfigureAwait(false)).GetDatabase().HashSetAsync(_key, Field, json).ConfigureAwait(false);
    }

    private async Task RemoveDeadSilosAsync()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token).ConfigureAwait(false))
            {
                RedisValue[] dead = [.. snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => (RedisValue)m.SiloAddress.ToParsableString())];
                if (dead.Length > 0)
                {
                    try
                    {
                        await (await redis.GetAsync().ConfigureAwait(false)).GetDatabase().HashDeleteAsync(_key, dead).ConfigureAwait(false);
                    }
                    catch (RedisException)
                    {
                        // The next change tries again; a dead silo's entry is ignored by gateways meanwhile.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo stopped.
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Serving HTTP at {Url}; published for the gateways.")]
    private static partial void LogPublished(ILogger logger, Uri url);

    [LoggerMessage(2, LogLevel.Information, "Stopping: draining for {Delay} before refusing new requests.")]
    private static partial void LogDraining(ILogger logger, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Warning, "Could not tell the gateways that this silo stops; they see it leave the membership instead.")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
