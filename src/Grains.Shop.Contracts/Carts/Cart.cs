namespace Grains.Shop.Contracts.Carts;

/// <summary>A cart as clients see it. <see cref="Version"/> grows by one with every change.</summary>
public sealed record Cart(string UserId, IReadOnlyList<CartItem> Items, decimal Total, long Version);
