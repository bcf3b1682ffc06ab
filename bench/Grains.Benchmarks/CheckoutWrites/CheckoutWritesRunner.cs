using System.Security.Cryptography;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Grains.Shop.Orders;
using Grains.Shop.Storage;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Order = Grains.Shop.Contracts.Orders.Order;

namespace Grains.Benchmarks.CheckoutWrites;

/// <summary>
/// Starts redis-server and one shop silo in this process (composed as a shop silo is), gives a user a history of N
/// orders by checking out N carts, then records every command Redis runs during one more checkout. Stops both.
/// </summary>
internal static class CheckoutWritesRunner
{
    private static readonly string[] s_skus = ["TEA-001", "COF-001", "MUG-001"];

    public static async Task<IReadOnlyList<CheckoutWritesSample>> RunAsync(IReadOnlyList<int> histories, TextWriter progress, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync("Starting redis-server and a silo...");
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        var settings = new Dictionary<string, string?> { ["Api:TokenKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };
        using var silo = BenchmarkHosts.CreateSilo(redis.ConnectionString, $"bench-checkout-{Guid.NewGuid():N}", SiloFilters.Production & ~SiloFilters.Lease, journalDirectory: null, settings);
        await silo.StartAsync(cancellationToken);
        try
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            await using var markers = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            await using var monitor = await RedisMonitor.StartAsync(redis.Host, redis.Port, cancellationToken);
            var samples = new List<CheckoutWritesSample>();
            foreach (var history in histories)
            {
                await progress.WriteLineAsync($"A user with {history} orders checks out once more...");
                var cart = grains.GetGrain<ICartGrain>($"bench-{history}-{Guid.NewGuid():N}");
                for (var i = 0; i < history; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await FillAsync(cart);
                    await cart.CheckoutAsync(new Checkout());
                }

                await FillAsync(cart);
                var commands = await monitor.RecordAsync(markers.GetDatabase(), () => cart.CheckoutAsync(new Checkout($"measured-{history}")), cancellationToken);
                samples.Add(new CheckoutWritesSample(history, commands, await OneRecordBytesAsync(cart)));
            }

            return samples;
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
        }
    }

    private static async Task FillAsync(ICartGrain cart)
    {
        foreach (var sku in s_skus)
        {
            await cart.AddItemAsync(new AddCartItem(sku, 2));
        }
    }

    /// <summary>The stored size of the user's whole history as one record, the shape orders had before pages.</summary>
    private static async Task<int> OneRecordBytesAsync(ICartGrain cart)
    {
        var orders = new List<Order>();
        long? before = null;
        do
        {
            var slice = await cart.ListOrdersAsync(new ListOrders(OrderListLimits.MaxLimit, before));
            orders.AddRange(slice.Orders);
            before = slice.Next;
        }
        while (before is not null);

        orders.Reverse();
        return new ShopStateSerializer().Serialize(new OrdersState { Orders = orders }).ToMemory().Length;
    }
}
