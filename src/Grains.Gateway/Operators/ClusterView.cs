namespace Grains.Gateway.Operators;

/// <summary>The body of <c>GET /api/cluster</c>: every silo, and the membership timeline, newest event last.</summary>
public sealed record ClusterView(IReadOnlyList<SiloView> Silos, IReadOnlyList<MembershipEvent> Events);
