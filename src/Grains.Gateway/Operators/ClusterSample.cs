namespace Grains.Gateway.Operators;

/// <summary>
/// What the gateway last read from Orleans' management grain: the membership table's rows, and the live activations of
/// the active silos (empty when only the membership was read).
/// </summary>
public sealed record ClusterSample(DateTimeOffset At, IReadOnlyList<MembershipEntry> Hosts, IReadOnlyList<DetailedGrainStatistic> Grains, bool HasGrains);
