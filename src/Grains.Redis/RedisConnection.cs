using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>
/// The one <see cref="IConnectionMultiplexer"/> shared by the membership table, the directory and the storage.
/// Nothing connects in the constructor: the first <see cref="ConnectAsync"/> (from a provider's InitializeAsync at
/// silo or client start) does, and later calls get the same multiplexer. The client does not give up when Redis is
/// unreachable: it keeps reconnecting, so the cluster survives a Redis restart.
/// </summary>
public sealed partial class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private Task<IConnectionMultiplexer>? _connecting;
    private ConnectionMultiplexer? _owned;
    private bool _disposed;

    /// <summary>The connected multiplexer; only after <see cref="ConnectAsync"/> has completed.</summary>
    public IConnectionMultiplexer Multiplexer =>
        _connecting is { IsCompletedSuccessfully: true } connecting
            ? connecting.Result
            : throw new InvalidOperationException("Redis is not connected yet: initialize the membership table or the directory first.");

    /// <summary>Connects once; concurrent and later callers share the result. A failed attempt is retried by the next call.</summary>
    public Task<IConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        Task<IConnectionMultiplexer> connecting;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectCoreAsync();
            }

            connecting = _connecting;
        }

        return connecting.WaitAsync(cancellationToken);
    }

    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var multiplexer = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }

    /// <summary>Runs a Lua script; once sent, it is not abandoned on cancellation, since it may already have applied.</summary>
    public async Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken)
    {
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.ScriptEvaluateAsync(script, keys, values).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Task<IConnectionMultiplexer>? connecting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connecting = _connecting;
        }

        if (connecting is not null)
        {
            // A failed connection attempt has nothing to release; only wait for one still under way.
            await ((Task)connecting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_owned is { } owned)
        {
            owned.ConnectionFailed -= OnConnectionFailed;
            owned.ConnectionRestored -= OnConnectionRestored;
            owned.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<IConnectionMultiplexer> ConnectCoreAsync()
    {
        var settings = options.Value;
        if (settings.Multiplexer is { } external)
        {
            Log.UsingExternalMultiplexer(logger);
            return external;
        }

        var configuration = ConfigurationOptions.Parse(settings.ConnectionString);
        // A Redis restart must be survived: keep the multiplexer and let it reconnect rather than fail.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = ToMilliseconds(settings.ConnectTimeout);
        configuration.SyncTimeout = ToMilliseconds(settings.OperationTimeout);
        configuration.ResponseTimeout = ToMilliseconds(settings.OperationTimeout);
        // The client's default waits a whole connect timeout (5 s) between reconnect attempts, so an attempt that met a
        // restarting Redis kept a silo silent long enough for its peers to declare it dead (seen in the chaos suite).
        // Try again at each of the client's heartbeats instead (about once a second).
        configuration.ReconnectRetryPolicy = new LinearRetry(250);
        var endpoints = Describe(configuration.EndPoints);

        Log.Connecting(logger, endpoints);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        multiplexer.ConnectionFailed += OnConnectionFailed;
        multiplexer.ConnectionRestored += OnConnectionRestored;
        _owned = multiplexer;
        if (multiplexer.IsConnected)
        {
            Log.Connected(logger, endpoints);
            await WarnAboutGarnetAsync(multiplexer).ConfigureAwait(false);
        }
        else
        {
            Log.NotReachableYet(logger, endpoints);
        }

        return multiplexer;
    }

    /// <summary>
    /// Garnet runs Lua scripts concurrently unless started with --lua-transaction-mode, and that setting cannot be
    /// read back from the server; so name the requirement where an operator will see it.
    /// </summary>
    private async Task WarnAboutGarnetAsync(IConnectionMultiplexer multiplexer)
    {
        try
        {
            var version = (string?)await multiplexer.GetDatabase().ScriptEvaluateAsync(RedisScripts.GarnetVersion).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(version))
            {
                Log.GarnetNeedsTransactionMode(logger, version);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Only a courtesy check: the providers work the same without it.
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) =>
        Log.ConnectionFailed(logger, Describe([e.EndPoint]), e.ConnectionType, e.FailureType);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) =>
        Log.ConnectionRestored(logger, Describe([e.EndPoint]), e.ConnectionType);

    private static int ToMilliseconds(TimeSpan value) => (int)Math.Ceiling(value.TotalMilliseconds);

    private static string Describe(IEnumerable<EndPoint> endpoints) => string.Join(
        ", ",
        endpoints.Select(endpoint => endpoint switch
        {
            IPEndPoint ip => ip.ToString(),
            DnsEndPoint dns => string.Create(CultureInfo.InvariantCulture, $"{dns.Host}:{dns.Port}"),
            _ => endpoint.ToString(),
        }));
}
