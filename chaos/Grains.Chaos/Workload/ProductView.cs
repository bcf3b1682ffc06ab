namespace Grains.Chaos.Workload;

/// <summary>One entry of <c>GET /api/products</c>.</summary>
public sealed record ProductView(string Sku, string Name, decimal Price);
