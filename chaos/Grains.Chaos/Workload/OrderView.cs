namespace Grains.Chaos.Workload;

/// <summary>The body of <c>POST /api/cart/checkout</c>, and one entry of <c>GET /api/orders</c>.</summary>
public sealed record OrderView(string OrderId, IReadOnlyList<CartItemView> Items, decimal Total, DateTimeOffset CreatedAt);
