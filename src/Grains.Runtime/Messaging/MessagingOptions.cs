namespace Grains.Runtime.Messaging;

public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>How long a caller waits for a grain call before it gets <see cref="GrainCallTimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a silo may forward a call that reached it for a grain living elsewhere.</summary>
    public int MaxForwardCount { get; set; } = 2;

    /// <summary>How long connecting to a silo (TCP connect and handshake) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a call keeps looking for a silo that will take it (none active, all refusing) before it fails with
    /// <see cref="SiloUnavailableException"/>. Such a call certainly did not run.
    /// </summary>
    public TimeSpan UnavailableTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
