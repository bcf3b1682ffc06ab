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
/// unreachable: it keeps reconnecting, so the cluster survives a Redis restart; and a client of its own making that
/// stops answering while a fresh one could connect is replaced (see the watchdog), its subscriptions with it.
/// </summary>
public sealed partial class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ChannelSubscription> _subscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private volatile Task<IConnectionMultiplexer>? _connecting;
    private ConnectionMultiplexer? _owned;
    private Task? _watchdog;
    private bool _disposed;

    /// <summary>The connected multiplexer; only after <see cref="ConnectAsync"/> has completed. It may be replaced later.</summary>
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

    /// <summary>
    /// Runs one command on the current multiplexer and waits at most <see cref="RedisOptions.OperationTimeout"/> for
    /// its reply, then throws <see cref="TimeoutException"/>. The 1.2.6 client enforces its timeout on synchronous
    /// calls only: an asynchronous one on a connection that swallows traffic would wait for ever. Once sent, a command is
    /// not abandoned on cancellation, since it may already have applied; the token only stops one not yet sent.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        var multiplexer = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await command(multiplexer.GetDatabase()).WaitAsync(options.Value.OperationTimeout).ConfigureAwait(false);
    }

    /// <summary>Runs a Lua script as <see cref="ExecuteAsync{T}"/> runs a command.</summary>
    public Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken) =>
        ExecuteAsync(database => database.ScriptEvaluateAsync(script, keys, values), cancellationToken);

    /// <summary>
    /// Subscribes <paramref name="handler"/> to <paramref name="channel"/> on the current multiplexer and on every one
    /// that replaces it, until the result is disposed. Only after <see cref="ConnectAsync"/> has completed. A failed
    /// subscribe is logged, not thrown: the client subscribes again when it reconnects. Messages published while no
    /// client is connected are lost, as with any Redis subscription.
    /// </summary>
    public IDisposable Subscribe(RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new ChannelSubscription(this, channel, handler);
        IConnectionMultiplexer multiplexer;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            multiplexer = Multiplexer;
            _subscriptions.Add(subscription);
        }

        SubscribeOn(multiplexer, subscription);
        return subscription;
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

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (connecting is not null)
        {
            // A failed connection attempt has nothing to release; only wait for one still under way.
            await ((Task)connecting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_watchdog is { } watchdog)
        {
            await watchdog.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_owned is { } owned)
        {
            Release(owned);
        }

        _stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<IConnectionMultiplexer> ConnectCoreAsync()
    {
        var settings = options.Value;
        if (settings.Multiplexer is { } external)
        {
            // Whoever made it owns its health too: it is neither watched nor replaced.
            Log.UsingExternalMultiplexer(logger);
            return external;
        }

        var configuration = CreateConfiguration(settings);
        var endpoints = Describe(configuration.EndPoints);

        Log.Connecting(logger, endpoints);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        Adopt(multiplexer);
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

        _watchdog = WatchAsync(_stopping.Token);
        return multiplexer;
    }

    private static ConfigurationOptions CreateConfiguration(RedisOptions settings)
    {
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
        return configuration;
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

    private void Adopt(ConnectionMultiplexer multiplexer)
    {
        multiplexer.ConnectionFailed += OnConnectionFailed;
        multiplexer.ConnectionRestored += OnConnectionRestored;
    }

    private void Release(ConnectionMultiplexer multiplexer)
    {
        multiplexer.ConnectionFailed -= OnConnectionFailed;
        multiplexer.ConnectionRestored -= OnConnectionRestored;
        multiplexer.Dispose();
    }

    private void SubscribeOn(IConnectionMultiplexer multiplexer, ChannelSubscription subscription)
    {
        try
        {
            multiplexer.GetSubscriber().Subscribe(subscription.Channel, subscription.Handler);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.SubscribeFailed(logger, ex);
        }
    }

    private void Unsubscribe(ChannelSubscription subscription)
    {
        IConnectionMultiplexer? multiplexer;
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
            multiplexer = _disposed ? null : Multiplexer;
        }

        multiplexer?.GetSubscriber().Unsubscribe(subscription.Channel, subscription.Handler, CommandFlags.FireAndForget);
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

    private sealed class ChannelSubscription(RedisConnection owner, RedisChannel channel, Action<RedisChannel, RedisValue> handler) : IDisposable
    {
        private int _disposed;

        public RedisChannel Channel { get; } = channel;

        public Action<RedisChannel, RedisValue> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(this);
            }
        }
    }
}
