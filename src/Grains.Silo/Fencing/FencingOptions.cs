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
}
