namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>The smallest cluster: one silo, for a test that needs a second, separate cluster.</summary>
public sealed class SingleSiloCluster() : ShopCluster(siloCount: 1);
