namespace Grains.Shop.Api.GrainCalls;

public static class IdempotencyKeyHeader
{
    public const string Name = Grains.Hosting.Http.RequestRetry.IdempotencyKeyHeader;
}
