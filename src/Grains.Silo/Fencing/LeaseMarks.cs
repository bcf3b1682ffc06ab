using StackExchange.Redis;

namespace Grains.Silo.Fencing;

/// <summary>
/// A silo's lease, visible to its peers: a Redis key that <see cref="SiloLeaseRenewer"/> writes before each renewal
/// takes effect, set to expire no sooner than the lease it announces. While the key exists the silo may hold its lease;
/// once it is gone the lease has run out for sure, and the silo serves nothing (<see cref="LapsedLeaseDetector"/>).
/// </summary>
internal static class LeaseMarks
{
    public static RedisKey Key(string clusterId, SiloAddress silo) => $"{clusterId}/lease/{silo.ToParsableString()}";
}
