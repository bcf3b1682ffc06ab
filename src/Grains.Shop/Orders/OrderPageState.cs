using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Orders;

/// <summary>What an order page stores: the orders of <see cref="Capacity"/> consecutive positions, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("shop.OrderPageState")]
public sealed record OrderPageState
{
    /// <summary>
    /// Orders per page. Recording an order rewrites its page, so this bounds what a checkout writes; a listing of the
    /// largest limit reads six pages. It fixes which page holds a position, so it cannot change once orders are stored.
    /// </summary>
    public const int Capacity = 20;

    [Id(0)]
    public IReadOnlyList<Order> Orders { get; init; } = [];

    /// <summary>The page that holds position <paramref name="position"/>.</summary>
    public static long PageOf(long position) => position / Capacity;

    /// <summary>The slot of position <paramref name="position"/> in its page.</summary>
    public static int SlotOf(long position) => (int)(position % Capacity);
}
