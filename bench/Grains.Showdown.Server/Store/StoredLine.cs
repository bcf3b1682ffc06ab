namespace Grains.Showdown.Server.Store;

/// <summary>One cart line as kept in memory or in Redis: what the shop's cart grain keeps too.</summary>
public sealed record StoredLine(string Sku, int Quantity, decimal UnitPrice);
