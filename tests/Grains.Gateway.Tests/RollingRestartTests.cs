using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

/// <summary>
/// Every silo process stopped with SIGTERM and started again, one after another, under load through the gateway: a silo
/// that stops drains (the gateway stops sending it requests before it refuses any), finishes what it has, and hands its
/// grains to the others, so no request fails, not even an add without an Idempotency-Key.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class RollingRestartTests(SiloProcessCluster cluster) : IClassFixture<SiloProcessCluster>
{
    private static readonly TimeSpan s_longestRun = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_rolling_restart_of_every_silo_fails_no_request_and_loses_no_add()
    {
        var users = new List<ShopClient>();
        for (var i = 0; i < 12; i++)
        {
            users.Add(await cluster.Gateway.CreateSignedInClientAsync($"rolling-{i}-{Guid.NewGuid():N}"));
        }

        // Adds go round the catalog, so that no line reaches its limit however long the restarts take.
        using var products = await users[0].GetAsync("/api/products");
        var skus = (await products.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(p => p.GetProperty("sku").GetString()!).ToList();
        var failures = new ConcurrentQueue<string>();
        var acknowledged = new ConcurrentDictionary<(ShopClient User, string Sku), int>();
        using var stop = new CancellationTokenSource(s_longestRun);
        var load = Task.WhenAll(users.Select(user => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var sku = skus[n % skus.Count];
                using var added = await user.AddItemAsync(sku, 1);
                if (added.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.AddOrUpdate((user, sku), 1, (_, count) => count + 1);
                }
                else
                {
                    failures.Enqueue($"add: {(int)added.StatusCode} {await added.Content.ReadAsStringAsync()}");
                }

                using var read = await user.GetAsync("/api/cart");
                if (read.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"read: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
                }

                await Task.Delay(20);
            }
        })));

        foreach (var name in cluster.SiloNames.ToList())
        {
            await cluster.RestartSiloAsync(name);
        }

        await stop.CancelAsync();
        await load;
        Assert.True(
            failures.IsEmpty,
            $"{failures.Count} requests failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(5))}{Environment.NewLine}"
            + $"What the silos logged at warning level or above:{Environment.NewLine}{string.Join(Environment.NewLine, cluster.Warnings.TakeLast(40))}");
        Assert.True(acknowledged.Count > 0, "the load added to the carts");
        foreach (var user in users)
        {
            var lines = (await user.GetCartAsync()).GetProperty("items").EnumerateArray()
                .ToDictionary(i => i.GetProperty("sku").GetString()!, i => i.GetProperty("quantity").GetInt32());
            foreach (var sku in skus)
            {
                Assert.Equal(acknowledged.GetValueOrDefault((user, sku)), lines.GetValueOrDefault(sku));
            }

            user.Dispose();
        }
    }
}
