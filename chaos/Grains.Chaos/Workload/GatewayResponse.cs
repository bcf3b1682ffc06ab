namespace Grains.Chaos.Workload;

/// <summary>An answer from a gateway: its status, the silo that served it, and the body as text.</summary>
public sealed record GatewayResponse(int Status, string? Silo, string Body, string Gateway);
