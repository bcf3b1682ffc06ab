namespace Grains.Runtime.Hosting;

/// <summary>The silo's identity and listening endpoint.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Human-readable name; defaults to the host name and port.</summary>
    public string? Name { get; set; }

    /// <summary>The address other silos and clients connect to. Loopback by default.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// The host name or address other processes use to reach this silo, when it differs from <see cref="Host"/>
    /// (a container binding 0.0.0.0 advertises its service name). Defaults to <see cref="Host"/>, or to 127.0.0.1
    /// when <see cref="Host"/> is a wildcard address.
    /// </summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>Listening port; 0 picks a free one.</summary>
    public int Port { get; set; }
}
