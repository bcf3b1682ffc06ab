namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>One silo on a Redis with an append-only file, which a test may kill and restart without losing acknowledged writes.</summary>
public sealed class AppendOnlyShopCluster() : ShopCluster(siloCount: 1, appendOnly: true);
