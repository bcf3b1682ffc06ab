namespace Grains.Chaos.Workload;

/// <summary>A page of <c>GET /api/orders</c>: its orders, newest first, and the cursor of the next page (null on the last).</summary>
public sealed record OrderListView(IReadOnlyList<OrderView> Data, bool HasMore, string? NextCursor);
