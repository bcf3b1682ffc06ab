using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Messaging;

/// <summary>Owns this process's outbound connections: one per silo incarnation, made on first use.</summary>
internal sealed partial class ConnectionManager : IAsyncDisposable
{
    private int _disposed;
    // Keyed by the address itself rather than its Id string: equal addresses have equal ids, and hashing the record
    // costs a call nothing, where building the id allocates a string on every lookup.
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<SiloConnection>>> _connections = new();
    private readonly LocalIdentity _identity;
    private readonly string _clusterId;
    private readonly MembershipOptions _membershipOptions;
    private readonly MessagingOptions _messagingOptions;
    private readonly ILogger<ConnectionManager> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Timer _expiry;

    public ConnectionManager(LocalIdentity identity, MembershipView view, IOptions<ClusterOptions> cluster, IOptions<MembershipOptions> membershipOptions, IOptions<MessagingOptions> messagingOptions, ILogger<ConnectionManager> logger)
    {
        ArgumentNullException.ThrowIfNull(view);

        // A crashed silo's connections break by themselves; a paused one's stay open and its calls would wait for their
        // deadline. So connections to dead silos are closed, after a grace period that lets a silo that left gracefully
        // answer what it still holds.
        view.Changed += dead =>
        {
            foreach (var silo in dead)
            {
                _ = DisconnectLaterAsync(silo);
            }
        };
        _identity = identity;
        _clusterId = cluster.Value.Id;
        _membershipOptions = membershipOptions.Value;
        _messagingOptions = messagingOptions.Value;
        _logger = logger;
        _expiry = new Timer(static state => ((ConnectionManager)state!).ExpireOverdue(), this, 50, 50);
    }

    /// <summary>Raised when a connection to a silo broke or could not be made, with what was learned.</summary>
    public event Action<SiloAddress, ConnectionFailure>? ConnectionFailed;

    /// <summary>The open connection to <paramref name="silo"/>, if one is established; never waits or connects.</summary>
    public bool TryGetOpen(SiloAddress silo, [NotNullWhen(true)] out SiloConnection? connection)
    {
        if (_connections.TryGetValue(silo, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            && lazy.Value.Result is { IsClosed: false } open)
        {
            connection = open;
            return true;
        }

        connection = null;
        return false;
    }

    public async Task<SiloConnection> GetAsync(SiloAddress silo)
    {
        while (true)
        {
            var lazy = _connections.GetOrAdd(silo, address => new Lazy<Task<SiloConnection>>(() => ConnectAsync(address)));
            SiloConnection connection;
            try
            {
                connection = await lazy.Value.ConfigureAwait(false);
            }
            catch (ConnectionFailedException)
            {
                _connections.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<SiloConnection>>>(silo, lazy));
                throw;
            }

            if (!connection.IsClosed)
            {
                return connection;
            }

            _connections.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<SiloConnection>>>(silo, lazy));
        }
    }

    /// <summary>Closes the connection to a silo that was declared dead; its waiting calls fail at once.</summary>
    public void Disconnect(SiloAddress silo)
    {
        if (_connections.TryRemove(silo, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            lazy.Value.Result.Close();
        }
    }

    private async Task DisconnectLaterAsync(SiloAddress silo)
    {
        try
        {
            await Task.Delay(_membershipOptions.ProbeTimeout, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Disconnect(silo);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _expiry.DisposeAsync().ConfigureAwait(false);
        foreach (var lazy in _connections.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Close();
            }
        }

        _connections.Clear();
        _stopping.Dispose();
    }

    private async Task<SiloConnection> ConnectAsync(SiloAddress silo)
    {
        try
        {
            var connection = await SiloConnection.ConnectAsync(silo, _identity.Id, _clusterId, _messagingOptions.ConnectTimeout, _logger, _stopping.Token).ConfigureAwait(false);
            connection.Closed.Register(() => OnClosed(connection));
            LogConnected(_logger, silo.Id);
            return connection;
        }
        catch (ConnectionFailedException ex)
        {
            LogConnectFailed(_logger, silo.Id, ex.Failure);
            ConnectionFailed?.Invoke(silo, ex.Failure);
            throw;
        }
    }

    private void OnClosed(SiloConnection connection)
    {
        if (_connections.TryGetValue(connection.Silo, out var lazy) && lazy.IsValueCreated
            && lazy.Value.IsCompletedSuccessfully && ReferenceEquals(lazy.Value.Result, connection))
        {
            _connections.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<SiloConnection>>>(connection.Silo, lazy));
        }

        connection.FailPending();
        if (!_stopping.IsCancellationRequested)
        {
            LogDisconnected(_logger, connection.Silo.Id);
            ConnectionFailed?.Invoke(connection.Silo, ConnectionFailure.Lost);
        }
    }

    private void ExpireOverdue()
    {
        var now = Environment.TickCount64;
        foreach (var lazy in _connections.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.ExpireOverdue(now);
            }
        }
    }
}
