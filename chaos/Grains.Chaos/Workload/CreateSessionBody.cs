namespace Grains.Chaos.Workload;

public sealed record CreateSessionBody(string UserId);
