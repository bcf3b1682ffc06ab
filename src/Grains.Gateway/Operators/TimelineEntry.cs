namespace Grains.Gateway.Operators;

/// <summary>One event of <see cref="MembershipTimeline"/>, with the grains it still watches for on other silos.</summary>
internal sealed class TimelineEntry(DateTimeOffset at, string kind, string silo, SiloAddress address, IReadOnlySet<GrainId>? lost)
{
    public DateTimeOffset At { get; } = at;

    public string Kind { get; } = kind;

    public string Silo { get; } = silo;

    public SiloAddress Address { get; } = address;

    /// <summary>The grains the silo held at the last look before the event; null when there was no look.</summary>
    public IReadOnlySet<GrainId>? Lost { get; } = lost;

    /// <summary>Those of <see cref="Lost"/> seen active on another silo since.</summary>
    public HashSet<GrainId> Moved { get; } = [];

    public MembershipEvent ToEvent() => new(At, Kind, Silo, Lost is null ? null : Moved.Count);
}
