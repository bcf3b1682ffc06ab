namespace Grains.Chaos.Nemesis;

public sealed record NemesisOptions
{
    /// <summary>The fault kinds to choose from. Each is used once, in random order, before any is used again.</summary>
    public IReadOnlyList<FaultKind> Faults { get; init; } = Enum.GetValues<FaultKind>();

    /// <summary>From the start of one fault to the start of the next (longer when the cluster takes longer to heal).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a paused silo stays paused; longer than the failure-detection time (2 s by default), so it is declared dead.</summary>
    public TimeSpan PauseDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a killed gateway stays down before it is started again.</summary>
    public TimeSpan GatewayDowntime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a resumed zombie may take to notice it was declared dead and exit.</summary>
    public TimeSpan ZombieExitTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a gracefully stopped silo may take to drain and exit.</summary>
    public TimeSpan GracefulStopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the cluster may take to be healthy again after a fault was undone.</summary>
    public TimeSpan HealTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
