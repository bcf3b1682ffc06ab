namespace Grains.Silo.FailureDetection;

/// <summary>Bound from the configuration section <c>FailureDetection</c>: proof of death beside Orleans' probes.</summary>
public sealed class FailureDetectionOptions
{
    public const string SectionName = "FailureDetection";

    /// <summary>Whether a silo declares a peer dead as soon as the peer's silo port refuses connections.</summary>
    public bool DeclareRefusingPeersDead { get; set; } = true;

    /// <summary>The pause between the two connection attempts that must both be refused before a peer is declared dead.</summary>
    public TimeSpan ConfirmationDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long to wait before watching a peer again after its connection closed without its process dying.</summary>
    public TimeSpan RewatchDelay { get; set; } = TimeSpan.FromSeconds(1);
}
