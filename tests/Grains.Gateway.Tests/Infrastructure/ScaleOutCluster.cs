namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>Two silos to start with; the test that uses it starts a third.</summary>
public sealed class ScaleOutCluster() : ShopCluster(siloCount: 2);
