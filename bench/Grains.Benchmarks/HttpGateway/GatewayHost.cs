namespace Grains.Benchmarks.HttpGateway;

/// <summary>Which process a target's requests go to.</summary>
internal enum GatewayHost
{
    /// <summary>The bare Kestrel endpoint (<see cref="BareEndpoint"/>), a child process of the benchmark.</summary>
    Bare,

    /// <summary>A silo's own HTTP endpoint: src/Grains.Silo's built executable, unchanged; it holds the user's grains.</summary>
    Silo,

    /// <summary>The real gateway: src/Grains.Gateway's built executable, unchanged, in front of that silo.</summary>
    Gateway,

    /// <summary>A silo taken apart (<see cref="GatewayVariants"/>), the only silo of a cluster of its own.</summary>
    Variants,
}
