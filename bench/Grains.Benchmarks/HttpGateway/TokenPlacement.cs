namespace Grains.Benchmarks.HttpGateway;

/// <summary>Where a target's requests carry the session token.</summary>
internal enum TokenPlacement
{
    None,

    /// <summary><c>Authorization: Bearer</c>: the authentication middleware checks it and calls the session grain.</summary>
    Bearer,

    /// <summary>In <see cref="GatewayVariants.TokenHeader"/>, which only the token-only endpoint reads.</summary>
    BenchHeader,
}
