using Grains.Shop.Contracts.Carts;

namespace Grains.Shop.Contracts.Orders;

/// <summary>The result of a checkout: what was bought, at which prices.</summary>
public sealed record Order(string OrderId, IReadOnlyList<CartItem> Items, decimal Total, DateTimeOffset CreatedAt);
