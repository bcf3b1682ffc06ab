namespace Grains.Runtime.Hosting;

/// <summary>The silo's identity and listening endpoint.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Human-readable name; defaults to the host name and port.</summary>
    public string? Name { get; set; }

    /// <summary>The address other silos and clients connect to. Loopback by default.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Listening port; 0 picks a free one.</summary>
    public int Port { get; set; }
}
