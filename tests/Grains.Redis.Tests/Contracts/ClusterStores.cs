using Grains.Runtime.Directory;
using Grains.Runtime.Membership;
using Grains.Runtime.Storage;

namespace Grains.Redis.Tests;

/// <summary>The three providers of one cluster, resolved from one service provider as a silo would get them.</summary>
public sealed record ClusterStores(string ClusterId, IMembershipTable Membership, IGrainDirectory Directory, IGrainStorage Storage);
