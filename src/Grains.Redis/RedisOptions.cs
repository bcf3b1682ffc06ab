using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>
/// How the membership table, grain directory and grain storage reach Redis. All three share one connection.
/// The server must be Redis 5 or later, or Garnet started with <c>--lua --lua-transaction-mode</c>: without the
/// transaction mode Garnet runs scripts concurrently, and the compare-and-set scripts would lose their atomicity.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string, such as <c>127.0.0.1:6379,password=...</c>. It may hold a
    /// password, so it is never logged: log messages name the endpoints only. <c>abortConnect</c> is always turned off
    /// so that the client keeps reconnecting. Ignored when <see cref="Multiplexer"/> is set.
    /// </summary>
    public string ConnectionString { get; set; } = "127.0.0.1:6379";

    /// <summary>
    /// An already created multiplexer to use instead of <see cref="ConnectionString"/>. Whoever created it owns it:
    /// the providers never dispose it.
    /// </summary>
    public IConnectionMultiplexer? Multiplexer { get; set; }

    /// <summary>
    /// How long the first connection attempt may take before start-up goes on and the client keeps retrying in the
    /// background. Replaces any <c>connectTimeout</c> in <see cref="ConnectionString"/>.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one command may wait for its reply before it fails with a timeout. Replaces any <c>syncTimeout</c>
    /// and <c>responseTimeout</c> in <see cref="ConnectionString"/>.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the connection pings a client of its own making, to notice one that stopped answering.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a client of its own making may go without answering a ping before a fresh one is connected in its
    /// place (kept only if it answers). Shorter than the membership death timeout, so that a silo whose client got
    /// stuck after a Redis restart heartbeats again before its peers may declare it dead.
    /// </summary>
    public TimeSpan ReplaceUnresponsiveAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Journals every activation start and end in Redis, for checking single activation across processes (the chaos
    /// suite turns it on). Off by default: the journal grows with every activation.
    /// </summary>
    public bool RecordActivations { get; set; }
}
