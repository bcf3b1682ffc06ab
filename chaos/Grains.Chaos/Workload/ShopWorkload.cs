using System.Globalization;
using System.Text.Json;
using Grains.Chaos.Serialization;

namespace Grains.Chaos.Workload;

/// <summary>Many users at once against the gateways; the history of what they did and saw.</summary>
public sealed class ShopWorkload : IDisposable
{
    private static readonly TimeSpan s_signInTimeout = TimeSpan.FromSeconds(60);

    private readonly GatewayClient _gateways;
    private readonly WorkloadOptions _options;
    private readonly int _seed;
    private readonly List<ShopUser> _users = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public ShopWorkload(IReadOnlyList<Uri> gateways, WorkloadOptions options, int seed)
    {
        _gateways = new GatewayClient(gateways, options.RequestTimeout);
        _options = options;
        _seed = seed;
    }

    public History History { get; } = new();

    /// <summary>Reads the catalog and signs every user in; the cluster must be up.</summary>
    public async Task PrepareAsync(string runId)
    {
        var skus = await ReadSkusAsync();
        for (var i = 0; i < _options.Users; i++)
        {
            _users.Add(new ShopUser($"{runId}-u{i:000}", _gateways, History, _options, skus, HashCode.Combine(_seed, i)));
        }

        var deadline = DateTimeOffset.UtcNow + s_signInTimeout;
        await Task.WhenAll(_users.Select(u => u.SignInAsync(deadline)));
    }

    public void Start()
    {
        _running = Task.WhenAll(_users.Select(u => Task.Run(() => u.RunAsync(_stop.Token, s_signInTimeout))));
    }

    /// <summary>Stops the users after the operations under way, and waits for them.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }
    }

    /// <summary>Every user's final cart and orders; null for a user whose state could not be read by <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyDictionary<string, UserFinalState?>> ReadFinalStatesAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var states = await Task.WhenAll(_users.Select(async u => (u.UserId, State: await u.ReadFinalStateAsync(deadline))));
        return states.ToDictionary(s => s.UserId, s => s.State, StringComparer.Ordinal);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _gateways.Dispose();
    }

    private async Task<IReadOnlyList<string>> ReadSkusAsync()
    {
        var deadline = DateTimeOffset.UtcNow + s_signInTimeout;
        while (true)
        {
            var (response, failure) = await _gateways.SendAsync(g => GatewayClient.Request(HttpMethod.Get, g, "/api/products", token: null), 0);
            if (response is { Status: 200 })
            {
                var products = JsonSerializer.Deserialize(response.Body, ChaosJsonContext.Default.IReadOnlyListProductView)!;
                return [.. products.Select(p => p.Sku)];
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The catalog could not be read: {response?.Status.ToString(CultureInfo.InvariantCulture) ?? failure?.Error}.");
            }

            await Task.Delay(200);
        }
    }
}
