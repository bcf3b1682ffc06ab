namespace Grains.Gateway.Operators;

/// <summary>
/// What the placement view's event stream sends each second: the cluster and its grains. Past
/// <see cref="ClusterMonitor.MaxGrainsPerFrame"/> grains, <see cref="Grains"/> is an even sample and
/// <see cref="Sampled"/> is true; the per-type counts of <see cref="ClusterView.Silos"/> stay exact.
/// </summary>
public sealed record PlacementFrame(DateTimeOffset At, ClusterView Cluster, IReadOnlyList<GrainView> Grains, int GrainCount, bool Sampled);
