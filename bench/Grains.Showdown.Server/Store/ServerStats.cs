namespace Grains.Showdown.Server.Store;

/// <summary>
/// What a server counted since it started: cart changes made, and (stateless) compare-and-set attempts that lost to a
/// concurrent change and were tried again, and changes given up after <c>Showdown:MaxWriteAttempts</c>.
/// </summary>
public sealed record ServerStats(long Writes, long WriteRetries, long WritesGivenUp);
