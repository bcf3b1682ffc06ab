namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>One silo whose sessions expire after one idle second, and write every request's last-seen time.</summary>
public sealed class ShortSessionCluster() : ShopCluster(
    siloCount: 1,
    new Dictionary<string, string?> { ["Sessions:IdleTimeout"] = "00:00:01", ["Sessions:LastSeenWriteInterval"] = "00:00:00" });
