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
/// <item>Started: once the host has started (Orleans has joined the cluster, Kestrel listens), it publishes its URL, and
/// tries again until Redis takes it: a silo that joined while the store was briefly out of reach must not stop for that.</item>
/// <item>Stopping: before Kestrel or Orleans stop, it marks itself draining and keeps serving for
/// <see cref="SiloHostOptions.DrainDelay"/>, so that the gateways stop sending new requests before it refuses any; then
/// Kestrel finishes the requests in flight, and only then does Orleans leave the cluster and move the grains.</item>
/// <item>Stopped: it removes its entry. The entries of silos that died are removed by whichever silo sees them dead.</item>
/// </list>
/// A failure to reach Redis is logged and never fails the host's start or stop: gateways also follow the membership table.
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
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _draining = new();
    private SiloHttpEndpoint? _published;
    private Task _publishing = Task.CompletedTask;
    private Task _cleanup = Task.CompletedTask;

    /// <summary>True from the moment the silo started stopping: it wants no new requests.</summary>
    public bool IsDraining => _draining.IsCancellationRequested;

    private string Field => localSilo.SiloAddress.ToParsableString();

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // An in-memory test server listens nowhere: then there is nothing to publish.
        if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is not { } address)
        {
            return Task.CompletedTask;
        }

        // Kestrel may listen on every interface (0.0.0.0, a container); the gateways dial the silo's advertised address.
        var bound = BindingAddress.Parse(address);
        var url = new UriBuilder(bound.Scheme, endpoints.Address.ToString(), bound.Port).Uri;
        _published = new SiloHttpEndpoint(url, endpoints.Name, Draining: false);
        _publishing = Task.Run(() => PublishAsync(_published), CancellationToken.None);
        _cleanup = Task.Run(RemoveDeadSilosAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _draining.CancelAsync().ConfigureAwait(false);
        await _publishing.ConfigureAwait(false);
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
        catch (Exception ex) when (IsStoreFailure(ex) || ex is OperationCanceledException)
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
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                LogDrainFailed(logger, ex);
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes the entry, again and again with a growing pause while Redis refuses, until it is written or the silo stops.</summary>
    private async Task PublishAsync(SiloHttpEndpoint endpoint)
    {
        var pause = s_firstRetry;
        var failing = false;
        while (!_draining.IsCancellationRequested)
        {
            try
            {
                await WriteAsync(endpoint).ConfigureAwait(false);
                LogPublished(logger, endpoint.Url);
                return;
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                if (!failing)
                {
                    failing = true;
                    LogPublishFailed(logger, ex);
                }
            }

            try
            {
                await Task.Delay(pause, _draining.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, s_lastRetry.Ticks));
        }
    }

    /// <summary>Redis out of reach, restarting (<c>LOADING</c>) or its connection torn down under a call.</summary>
    private static bool IsStoreFailure(Exception ex) => ex is RedisException or InvalidOperationException or ObjectDisposedException;

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
                    catch (Exception ex) when (IsStoreFailure(ex))
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

    [LoggerMessage(4, LogLevel.Warning, "Could not publish this silo's HTTP endpoint for the gateways; trying again until Redis takes it.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
