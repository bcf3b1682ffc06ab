namespace Grains.Shop.Contracts.Orders;

/// <summary>
/// One fixed-size page of a user's order history, keyed <c>{userId}/{page}</c> (<see cref="Sessions.UserGrainKeys.OrderPage"/>):
/// the orders at a fixed range of positions, oldest first. Only the user's orders grain writes it, and only it says
/// which of a page's orders count.
/// </summary>
[Alias("shop.IOrderPageGrain")]
public interface IOrderPageGrain : IGrainWithStringKey
{
    /// <summary>The stored orders, oldest first.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<Order>> GetAsync();

    /// <summary>
    /// Stores <paramref name="orders"/> from slot <paramref name="slot"/> on, dropping whatever the page held from that
    /// slot (left there by a write the orders grain never acknowledged). Writes nothing when the page already holds
    /// exactly these orders there.
    /// </summary>
    [Alias("Write")]
    Task WriteAsync(int slot, IReadOnlyList<Order> orders);
}
