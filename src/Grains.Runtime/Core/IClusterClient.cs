using Grains.Runtime.Membership;

namespace Grains.Runtime;

/// <summary>A process's view of the cluster: grain references plus what it knows of the silos.</summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>The silos currently believed active, from the latest membership view.</summary>
    IReadOnlyList<MembershipEntry> ActiveSilos { get; }

    /// <summary>The latest membership view, including silos that are shutting down or dead.</summary>
    IReadOnlyList<MembershipEntry> Members { get; }
}
