namespace Grains.LocalCluster;

/// <summary>
/// What to start. Flags: <c>--silos 3 --gateway-port 5080 --silo-http-port 5081 --silo-port 11111 --silo-gateway-port 30000
/// --redis-port 6390</c>, or any key as
/// <c>--LocalCluster:Silos=3</c>; <c>--Redis:ConnectionString</c> uses an existing store instead of starting one.
/// </summary>
public sealed class LocalClusterOptions
{
    public const string SectionName = "LocalCluster";

    public int Silos { get; set; } = 3;

    /// <summary>The first silo listens here, the next ones on the following ports.</summary>
    public int FirstSiloPort { get; set; } = 11111;

    /// <summary>The first silo takes the gateway's Orleans client connections here, the next ones on the following ports.</summary>
    public int FirstSiloGatewayPort { get; set; } = 30000;

    /// <summary>The first silo serves the shop's HTTP API here, the next ones on the following ports.</summary>
    public int FirstSiloHttpPort { get; set; } = 5081;

    public int GatewayPort { get; set; } = 5080;

    /// <summary>Port of the Redis-compatible server started when no store is configured.</summary>
    public int RedisPort { get; set; } = 6390;

    public string ClusterId { get; set; } = "local";

    /// <summary>How long the store, the silos and the gateway may take to become ready.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
