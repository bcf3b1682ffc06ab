namespace Grains.Gateway.Operators;

/// <summary>
/// The body of <c>GET /api/cluster</c>: every silo, the membership timeline (newest event last), and how many of the
/// requests this gateway forwarded were served with every grain call in-process.
/// </summary>
public sealed record ClusterView(IReadOnlyList<SiloView> Silos, IReadOnlyList<MembershipEvent> Events, LocalityView Locality);
