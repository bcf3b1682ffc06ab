namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>A cluster that starts with Redis and a gateway but no silo; a test starts one with <see cref="ShopCluster.StartSiloAsync"/>.</summary>
public sealed class EmptyShopCluster() : ShopCluster(siloCount: 0);
