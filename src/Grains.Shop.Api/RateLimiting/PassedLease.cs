using System.Threading.RateLimiting;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>The lease of a request no limit applies to: acquired, holding nothing, so one instance serves them all.</summary>
internal sealed class PassedLease : RateLimitLease
{
    public static PassedLease Instance { get; } = new();

    private PassedLease()
    {
    }

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
