namespace Grains.Benchmarks.HttpGateway;

/// <summary>Which process a target's requests go to.</summary>
internal enum GatewayHost
{
    /// <summary>The bare Kestrel endpoint (<see cref="BareEndpoint"/>), a child process of the benchmark.</summary>
    Bare,

    /// <summary>The real gateway: src/Grains.Gateway's built executable, unchanged.</summary>
    Gateway,

    /// <summary>The gateway taken apart (<see cref="GatewayVariants"/>), a child process of the benchmark.</summary>
    Variants,
}
