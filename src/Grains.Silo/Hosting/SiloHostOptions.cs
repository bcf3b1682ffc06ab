namespace Grains.Silo.Hosting;

/// <summary>Bound from the configuration section <c>Silo</c>: who this silo is and where it listens.</summary>
public sealed class SiloHostOptions
{
    public const string SectionName = "Silo";

    /// <summary>Shown in the gateway's <c>X-Silo</c> header, in logs and in the membership table. Default: host name and silo port.</summary>
    public string? Name { get; set; }

    /// <summary>The silo-to-silo port. 0 picks a free port at start (several silos on one machine).</summary>
    public int Port { get; set; }

    /// <summary>The port clients (the gateways) connect to. 0 picks a free port at start.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The address peers and clients dial, published in the membership table; an IP address or a host name resolved at
    /// start (a container's service name). The silo listens on it too.
    /// </summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Which grain directory keeps single activation; see <see cref="GrainDirectoryKind"/>.</summary>
    public GrainDirectoryKind GrainDirectory { get; set; } = GrainDirectoryKind.Redis;

    /// <summary>
    /// On a graceful stop, how long the silo keeps serving after it told the gateways it is draining, before it refuses
    /// new requests: longer than the gateways' reread of the silos (250 ms), so that none is sent to a closed port.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(1);
}
