using System.Text.Json;
using System.Text.Json.Nodes;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Grains.Shop.Contracts.Sessions;
using Grains.Shop.Orders;

namespace Grains.Shop.Tests;

/// <summary>
/// A user's order history in fixed-size pages beside a small head: what a new order writes, how a listing walks it,
/// what a crash between the two writes leaves, and how a history stored as one record is moved into pages.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OrderHistoryTests(ShopCluster shop) : IClassFixture<ShopCluster>
{
    private const int PageSize = OrderPageState.Capacity;
    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Recording_an_order_writes_its_page_and_the_head_and_leaves_older_pages_alone()
    {
        var userId = NewUserId();
        var orders = shop.Client.GetGrain<IOrdersGrain>(userId);
        var recorded = await RecordAsync(orders, (2 * PageSize) + 1);
        var olderPages = new[] { await PageEtagAsync(userId, 0), await PageEtagAsync(userId, 1) };

        var newest = NewOrder(recorded.Count);
        await orders.RecordAsync(newest);

        Assert.Equal(olderPages, new[] { await PageEtagAsync(userId, 0), await PageEtagAsync(userId, 1) });
        Assert.Equal(new[] { PageSize, PageSize, 2 }, new[] { await StoredPageCountAsync(userId, 0), await StoredPageCountAsync(userId, 1), await StoredPageCountAsync(userId, 2) });
        var head = (await shop.ReadStoredStateAsync(shop.StateKey("orders", userId, "orders")))!;
        Assert.Equal((2 * PageSize) + 2, (long)head["count"]!);
        Assert.Empty(head["orders"]!.AsArray());
        Assert.Equal(
            recorded.Append(newest).TakeLast(OrdersState.RecentOrderIdLimit).Select(o => o.OrderId),
            head["recentOrderIds"]!.AsArray().Select(id => (string)id!));
    }

    [Fact]
    public async Task A_listing_walks_every_order_once_newest_first()
    {
        var orders = shop.Client.GetGrain<IOrdersGrain>(NewUserId());
        var recorded = await RecordAsync(orders, (2 * PageSize) + 5);

        var slices = await WalkAsync(orders, limit: 7);

        Assert.Equal(recorded.Select(o => o.OrderId).Reverse(), slices.SelectMany(s => s.Orders).Select(o => o.OrderId));
        Assert.All(slices.SkipLast(1), s => Assert.Equal(7, s.Orders.Count));
        Assert.Null(slices[^1].Next);
    }

    [Fact]
    public async Task Orders_recorded_while_a_listing_goes_on_neither_shift_nor_repeat_its_later_slices()
    {
        var orders = shop.Client.GetGrain<IOrdersGrain>(NewUserId());
        var recorded = await RecordAsync(orders, 25);
        var first = await orders.ListAsync(new ListOrders(10), []);

        for (var i = 0; i < 5; i++)
        {
            await orders.RecordAsync(NewOrder(recorded.Count + i));
        }

        var rest = await WalkAsync(orders, limit: 10, before: first.Next);
        Assert.Equal(
            recorded.Select(o => o.OrderId).Reverse(),
            first.Orders.Concat(rest.SelectMany(s => s.Orders)).Select(o => o.OrderId));
    }

    /// <summary>A crash after the page was written and before the head was: the order is in its page, beyond the count.</summary>
    [Fact]
    public async Task An_order_in_its_page_but_not_counted_is_not_listed_and_the_next_order_takes_its_slot()
    {
        var userId = NewUserId();
        var orders = shop.Client.GetGrain<IOrdersGrain>(userId);
        var recorded = await RecordAsync(orders, 3);
        var unacknowledged = NewOrder(3);
        await shop.Client.GetGrain<IOrderPageGrain>(UserGrainKeys.OrderPage(userId, 0)).WriteAsync(3, [unacknowledged]);

        Assert.Equal(recorded.Select(o => o.OrderId).Reverse(), (await orders.ListAsync(new ListOrders(10), [])).Orders.Select(o => o.OrderId));

        var handedOver = NewOrder(4);
        await orders.RecordAsync(handedOver);

        Assert.Equal(
            recorded.Append(handedOver).Select(o => o.OrderId).Reverse(),
            (await orders.ListAsync(new ListOrders(10), [])).Orders.Select(o => o.OrderId));
        Assert.Equal(4, await StoredPageCountAsync(userId, 0));
    }

    /// <summary>A crash after the head was written and before the cart heard of it: the cart hands the order over again.</summary>
    [Fact]
    public async Task An_order_handed_over_again_after_newer_ones_is_stored_once()
    {
        var orders = shop.Client.GetGrain<IOrdersGrain>(NewUserId());
        var recorded = await RecordAsync(orders, PageSize + 1);

        foreach (var order in recorded.TakeLast(3))
        {
            await orders.RecordAsync(order);
        }

        Assert.Equal(recorded.Select(o => o.OrderId).Reverse(), (await WalkAsync(orders, OrderListLimits.MaxLimit)).SelectMany(s => s.Orders).Select(o => o.OrderId));
    }

    [Fact]
    public async Task A_history_stored_as_one_record_is_moved_into_pages_when_its_grain_activates()
    {
        var userId = NewUserId();
        var legacy = Enumerable.Range(0, PageSize + 5).Select(NewOrder).ToList();
        var key = shop.StateKey("orders", userId, "orders");
        await StoreAsync(key, new JsonObject { ["orders"] = Json(legacy) });
        var orders = shop.Client.GetGrain<IOrdersGrain>(userId);

        var listed = (await WalkAsync(orders, limit: 10)).SelectMany(s => s.Orders).ToList();

        Assert.Equal(legacy.Select(o => o.OrderId).Reverse(), listed.Select(o => o.OrderId));
        Assert.Equal(legacy[^1].Items, listed[0].Items);
        var head = (await shop.ReadStoredStateAsync(key))!;
        Assert.Empty(head["orders"]!.AsArray());
        Assert.Equal(legacy.Count, (long)head["count"]!);
        Assert.Equal(new[] { PageSize, 5 }, new[] { await StoredPageCountAsync(userId, 0), await StoredPageCountAsync(userId, 1) });

        await orders.RecordAsync(legacy[^1]);
        var newest = NewOrder(legacy.Count);
        await orders.RecordAsync(newest);
        Assert.Equal(
            legacy.Append(newest).Select(o => o.OrderId).Reverse(),
            (await WalkAsync(orders, OrderListLimits.MaxLimit)).SelectMany(s => s.Orders).Select(o => o.OrderId));
    }

    /// <summary>
    /// During a rolling upgrade a silo of the previous version, which knows only the one record, may write it again
    /// after pages exist: with only the orders it recorded, and without the head's count.
    /// </summary>
    [Fact]
    public async Task A_record_written_in_the_old_shape_after_pages_exist_leaves_the_pages_and_its_new_orders_follow_them()
    {
        var userId = NewUserId();
        var paged = Enumerable.Range(0, PageSize + 5).Select(NewOrder).ToList();
        await StoreAsync(shop.StateKey("orderpage", UserGrainKeys.OrderPage(userId, 0), "page"), new JsonObject { ["orders"] = Json(paged.GetRange(0, PageSize)) });
        await StoreAsync(shop.StateKey("orderpage", UserGrainKeys.OrderPage(userId, 1), "page"), new JsonObject { ["orders"] = Json(paged.GetRange(PageSize, 5)) });
        var recordedByTheOldSilo = NewOrder(paged.Count);
        var key = shop.StateKey("orders", userId, "orders");
        await StoreAsync(key, new JsonObject { ["orders"] = Json([paged[^1], recordedByTheOldSilo]) });

        var listed = await WalkAsync(shop.Client.GetGrain<IOrdersGrain>(userId), OrderListLimits.MaxLimit);

        Assert.Equal(paged.Append(recordedByTheOldSilo).Select(o => o.OrderId).Reverse(), listed.SelectMany(s => s.Orders).Select(o => o.OrderId));
        Assert.Equal(paged.Count + 1, (long)(await shop.ReadStoredStateAsync(key))!["count"]!);
        Assert.Equal(PageSize, await StoredPageCountAsync(userId, 0));
    }

    [Fact]
    public async Task An_order_is_found_by_its_id_and_a_search_stops_at_orders_older_than_its_bound()
    {
        var orders = shop.Client.GetGrain<IOrdersGrain>(NewUserId());
        var recorded = await RecordAsync(orders, (2 * PageSize) + 3);
        var old = recorded[2];

        Assert.Equal(old.OrderId, (await orders.FindAsync(old.OrderId, old.CreatedAt))?.OrderId);
        Assert.Null(await orders.FindAsync(old.OrderId, recorded[2 * PageSize].CreatedAt));
        Assert.Null(await orders.FindAsync("no-such-order", s_start));
    }

    private static string NewUserId() => $"user-{Guid.NewGuid():N}";

    /// <summary>Order number <paramref name="n"/> of a history: created a minute after the one before.</summary>
    private static Order NewOrder(int n) =>
        new($"order-{n:D4}-{Guid.NewGuid():N}", [new CartItem("TEA-001", "Assam breakfast tea, 250 g", n + 1, 6.50m, 6.50m * (n + 1))], 6.50m * (n + 1), s_start.AddMinutes(n));

    private static async Task<List<Order>> RecordAsync(IOrdersGrain orders, int count)
    {
        var recorded = Enumerable.Range(0, count).Select(NewOrder).ToList();
        foreach (var order in recorded)
        {
            await orders.RecordAsync(order);
        }

        return recorded;
    }

    /// <summary>Every slice from <paramref name="before"/> on, each asked for with the previous one's <see cref="OrderSlice.Next"/>.</summary>
    private static async Task<List<OrderSlice>> WalkAsync(IOrdersGrain orders, int limit, long? before = null)
    {
        var slices = new List<OrderSlice>();
        do
        {
            var slice = await orders.ListAsync(new ListOrders(limit, before), []);
            slices.Add(slice);
            before = slice.Next;
            Assert.True(slices.Count <= 1000, "the listing does not end");
        }
        while (before is not null);

        return slices;
    }

    private static JsonNode? Json(List<Order> orders) => JsonSerializer.SerializeToNode(orders, JsonSerializerOptions.Web);

    /// <summary>Stores <paramref name="data"/> as a grain's state behind the grains' backs, as a writer of another version would.</summary>
    private Task StoreAsync(StackExchange.Redis.RedisKey key, JsonObject data) =>
        shop.Store.HashSetAsync(key, [new("data", data.ToJsonString()), new("etag", Guid.NewGuid().ToString("N"))]);

    private Task<string?> PageEtagAsync(string userId, long page) =>
        shop.ReadStoredEtagAsync(shop.StateKey("orderpage", UserGrainKeys.OrderPage(userId, page), "page"));

    private async Task<int> StoredPageCountAsync(string userId, long page) =>
        (await shop.ReadStoredStateAsync(shop.StateKey("orderpage", UserGrainKeys.OrderPage(userId, page), "page")))?["orders"]!.AsArray().Count ?? 0;
}
