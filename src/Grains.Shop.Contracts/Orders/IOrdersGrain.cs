using Grains.Runtime;

namespace Grains.Shop.Contracts.Orders;

/// <summary>A user's order history, keyed by user id. Orders reach it from the user's cart grain.</summary>
[GrainType("orders")]
public interface IOrdersGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="order"/> unless an order with its id is already stored.</summary>
    Task RecordAsync(Order order);

    /// <summary>The stored orders, newest first.</summary>
    Task<IReadOnlyList<Order>> ListAsync();
}
