namespace Grains.Benchmarks.HttpGateway;

/// <summary>One URL wrk loads: on which process, with which token header, and what the request does there.</summary>
internal sealed record GatewayTarget(string Name, GatewayHost Host, string Path, TokenPlacement Token, string Does);
