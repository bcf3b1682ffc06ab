namespace Grains.Gateway.GrainCalls;

public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
}
