namespace Grains.Shop.Api.Hosting;

/// <summary>
/// The limits of a kind of route that needs no token (<c>Api:SignInRateLimit</c>, <c>Api:AnonymousRateLimit</c>): a
/// request takes a token from its client address's bucket, then one from the bucket all clients share. Each silo
/// counts on its own, so across the cluster an address (or everyone) may send up to the number of silos times these.
/// </summary>
public sealed class AnonymousRateLimitOptions
{
    /// <summary>The bucket of one client address (an IPv6 client's whole /64), as <see cref="ClientAddressOptions"/> finds it.</summary>
    public TokenBucketOptions PerAddress { get; set; } = new();

    /// <summary>The bucket every client of this silo shares: the bound that holds however many addresses send.</summary>
    public TokenBucketOptions Global { get; set; } = new();
}
