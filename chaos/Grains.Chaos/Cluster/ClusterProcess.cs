using Grains.Testing;

namespace Grains.Chaos.Cluster;

/// <summary>A silo or gateway process of the cluster under test, with the port it listens on.</summary>
public sealed record ClusterProcess(string Name, int Port, ProjectProcess Process)
{
    public override string ToString() => $"{Name} (pid {Process.Id}, port {Port})";
}
