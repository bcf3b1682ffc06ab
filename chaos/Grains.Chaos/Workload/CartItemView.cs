namespace Grains.Chaos.Workload;

/// <summary>A cart or order line as the gateway's HTTP API shows it.</summary>
public sealed record CartItemView(string Sku, string? Name, int Quantity, decimal UnitPrice, decimal LineTotal);
