namespace Grains.Chaos.Workload;

public sealed record AddItemBody(string Sku, int Quantity);
