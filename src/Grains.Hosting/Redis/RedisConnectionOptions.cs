namespace Grains.Hosting.Redis;

/// <summary>Bound from the configuration section <c>Redis</c>.</summary>
public sealed class RedisConnectionOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port[,password=...]</c>). Membership, grain state and the grain
    /// directory all live there. Required; never logged, since it may hold a password.
    /// </summary>
    public string? ConnectionString { get; set; }
}
