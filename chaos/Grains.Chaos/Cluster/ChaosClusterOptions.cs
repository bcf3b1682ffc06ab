namespace Grains.Chaos.Cluster;

/// <summary>The processes under test.</summary>
public sealed record ChaosClusterOptions
{
    public int Silos { get; init; } = 3;

    public int Gateways { get; init; } = 2;

    /// <summary>How long a started silo or gateway, or a restarted Redis, may take to be ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra <c>--Key=value</c> arguments for every silo (options such as <c>--Silo:GrainDirectory=Cluster</c> or <c>--Orleans:Membership:ProbeTimeout=00:00:02</c>).</summary>
    public IReadOnlyList<string> SiloArguments { get; init; } = [];

    /// <summary>Extra <c>--Key=value</c> arguments for every gateway.</summary>
    public IReadOnlyList<string> GatewayArguments { get; init; } = [];

    /// <summary>A directory to write every process's whole output to (<c>silo-4.log</c>, <c>gateway-1.log</c>); none when null.</summary>
    public string? LogDirectory { get; init; }
}
