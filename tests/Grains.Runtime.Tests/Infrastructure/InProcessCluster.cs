using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.TestGrains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Tests.Infrastructure;

/// <summary>
/// Several silos and one client hosted in the test process, sharing one store (in-memory or a real Redis) under
/// their own cluster id. Silos can be crashed in place or stopped gracefully; disposing stops whatever still runs.
/// </summary>
public sealed class InProcessCluster : IAsyncDisposable
{
    private readonly Action<IGrainsBuilder> _useStore;
    private readonly Action<IServiceCollection>? _configure;
    private readonly List<SiloHandle> _silos = [];
    private IHost? _client;
    private int _nextSilo;

    private InProcessCluster(Action<IGrainsBuilder> useStore, Action<IServiceCollection>? configure)
    {
        _useStore = useStore;
        _configure = configure;
    }

    public ActivationLog Activations { get; } = new();

    public IReadOnlyList<SiloHandle> Silos => [.. _silos.Where(s => !s.IsStopped)];

    /// <summary>The client's services, e.g. to reach the store's membership table directly.</summary>
    public IServiceProvider ClientServices => _client?.Services ?? throw new InvalidOperationException("The cluster has no client.");

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("The cluster has no client.");

    /// <param name="silos">How many silos to start.</param>
    /// <param name="useStore">Registers the store, e.g. <c>b => b.UseInMemory(store)</c> or <c>b => b.UseRedis(...)</c>.</param>
    /// <param name="configure">Adjusts services and options of every silo and of the client.</param>
    public static async Task<InProcessCluster> StartAsync(int silos, Action<IGrainsBuilder> useStore, Action<IServiceCollection>? configure = null)
    {
        var cluster = new InProcessCluster(useStore, configure);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                await cluster.StartSiloAsync();
            }

            await cluster.StartClientAsync();
            await cluster.WaitForActiveSilosAsync(silos);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<SiloHandle> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var grains = builder.Services.AddGrainsSilo().AddGrains(typeof(CounterGrain).Assembly);
        _useStore(grains);
        builder.Services.Configure<SiloOptions>(o => o.Name = $"silo-{Interlocked.Increment(ref _nextSilo)}");
        _configure?.Invoke(builder.Services);
        var host = builder.Build();
        var handle = new SiloHandle(host);
        handle.Silo.ActivationChanged += Activations.Record;
        _silos.Add(handle);
        await host.StartAsync();
        return handle;
    }

    /// <summary>Crashes the silo: it stops heartbeating and its endpoint refuses connections; nothing is handed off.</summary>
    public async Task KillSiloAsync(SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.IsStopped = true;
        await silo.Silo.KillAsync();
        await StopHostAsync(silo.Host, graceful: false);
    }

    /// <summary>Stops the silo gracefully, as SIGTERM would.</summary>
    public async Task StopSiloAsync(SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.IsStopped = true;
        await StopHostAsync(silo.Host, graceful: true);
    }

    public SiloHandle SiloNamed(string name) => _silos.Single(s => s.Name == name);

    /// <summary>
    /// Waits until the client sees the silo dead. A call in flight at the moment of a crash has an unknown outcome;
    /// tests that expect every call to succeed start their calls after failure detection.
    /// </summary>
    public Task WaitUntilDeclaredDeadAsync(SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var address = silo.Silo.Address;
        return Poll.UntilAsync(
            () => Client.Members.Any(m => m.Silo == address && m.Status == SiloStatus.Dead),
            TimeSpan.FromSeconds(30),
            $"{silo.Name} to be declared dead");
    }

    public async Task WaitForActiveSilosAsync(int count)
    {
        var client = Client;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (client.ActiveSilos.Count != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 30 s for {count} active silos; the client sees {client.ActiveSilos.Count}.");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(s => !s.IsStopped))
        {
            silo.IsStopped = true;
            await StopHostAsync(silo.Host, graceful: false);
        }

        if (_client is not null)
        {
            await StopHostAsync(_client, graceful: true);
        }
    }

    private async Task StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        _useStore(builder.Services.AddGrainsClient());
        _configure?.Invoke(builder.Services);
        _client = builder.Build();
        await _client.StartAsync();
    }

    private static async Task StopHostAsync(IHost host, bool graceful)
    {
        using var timeout = new CancellationTokenSource(graceful ? TimeSpan.FromSeconds(30) : TimeSpan.Zero);
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A crashed silo is not waited for.
        }

        host.Dispose();
    }
}
