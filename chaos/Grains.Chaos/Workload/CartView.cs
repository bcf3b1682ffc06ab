namespace Grains.Chaos.Workload;

/// <summary>The body of <c>GET /api/cart</c> and of the cart-changing requests.</summary>
public sealed record CartView(string UserId, IReadOnlyList<CartItemView> Items, decimal Total, long Version);
