namespace Grains.Shop.Contracts.Orders;

/// <summary>A user's order history, keyed by user id. Orders reach it from the user's cart grain.</summary>
[Alias("shop.IOrdersGrain")]
public interface IOrdersGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="order"/> unless an order with its id is already stored.</summary>
    [Alias("Record")]
    Task RecordAsync(Order order);

    /// <summary>The stored orders, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Order>> ListAsync();
}
