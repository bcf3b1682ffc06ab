namespace Grains.Silo.Fencing;

/// <summary>Bound from the configuration section <c>Fencing</c>: the lease a silo must hold to serve a grain call.</summary>
public sealed class FencingOptions
{
    public const string SectionName = "Fencing";

    /// <summary>Off only for experiments that measure what the lease prevents.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a confirmation that this silo is still a member lets it serve, counted from when the confirming read was
    /// sent. It must be shorter than the quickest death declaration of a silent silo, which is
    /// <c>NumMissedProbesLimit</c> probes of at least <c>MinProbeTimeout</c> each (2 x 1 s here): then a silo that was
    /// paused long enough to be declared dead finds its lease run out when it resumes, before it answers anything.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the silo reads its own membership row to renew the lease.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether a silo declares dead a peer whose lease ran out (<see cref="LapsedLeaseDetector"/>): a stopped silo is
    /// then declared dead about a second after it stopped, instead of after two missed probes (2 to 3 s).
    /// </summary>
    public bool DeclareLapsedPeersDead { get; set; } = true;

    /// <summary>How often a silo looks for its peers' lease marks.</summary>
    public TimeSpan PeerCheckInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How many checks in a row must find a peer's mark missing before it is declared dead: more than one, so that a
    /// peer whose renewal is merely late is given <c>PeerCheckInterval</c> more.
    /// </summary>
    public int PeerChecksBeforeDeath { get; set; } = 2;

    /// <summary>
    /// How long after one of its own renewals failed, or its connection to Redis broke or came back, a silo declares no
    /// peer dead for a lapsed lease: time for every peer to reconnect to a Redis that restarted (StackExchange.Redis
    /// retries about every second).
    /// </summary>
    public TimeSpan StoreTroubleGrace { get; set; } = TimeSpan.FromSeconds(5);
}
