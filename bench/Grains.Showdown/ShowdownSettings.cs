namespace Grains.Showdown;

/// <summary>The load and the phases every architecture goes through, in this order.</summary>
/// <param name="Users">Users signed in; each keeps <paramref name="WorkersPerUser"/> requests in flight (two tabs of one user change one cart at once).</param>
/// <param name="WarmUp">Mixed load before any figure is taken (JIT, connection pools).</param>
/// <param name="Rounds">Read and write phases alternate this many times, so that neither always comes first.</param>
/// <param name="ReadPhase">Only GET /api/cart, per round: read throughput and latency at saturation.</param>
/// <param name="WritePhase">Only POST /api/cart/items, per round: write throughput and latency at saturation.</param>
/// <param name="FixedRatePhase">Open loop at a fixed offered rate, reads then writes, this long each.</param>
/// <param name="FixedRateUsers">The users of the open loop, each sending a small share of the rate, as a shop's users do.</param>
/// <param name="SharedCartPhase">16 writers adding to one shared cart.</param>
/// <param name="LargeCartUsers">Users whose carts hold <see cref="LargeCartLines"/> lines, read for <paramref name="LargeCartPhase"/>.</param>
/// <param name="BeforeKill">Mixed load before the kill -9.</param>
/// <param name="AfterKill">Mixed load after it: failures, lost sessions and recovery are counted here.</param>
/// <param name="OfferedRps">The fixed offered rate; null: half of the stateless architecture's saturation throughput, measured first.</param>
internal sealed record ShowdownSettings(
    bool Quick,
    int Users,
    int WorkersPerUser,
    TimeSpan WarmUp,
    int Rounds,
    TimeSpan ReadPhase,
    TimeSpan WritePhase,
    TimeSpan FixedRatePhase,
    int FixedRateUsers,
    TimeSpan SharedCartPhase,
    int LargeCartUsers,
    TimeSpan LargeCartPhase,
    TimeSpan BeforeKill,
    TimeSpan AfterKill,
    double? OfferedRps,
    string OutputDirectory,
    string Command)
{
    /// <summary>In the mixed phases, one request in five is an add.</summary>
    public const double WriteShare = 0.2;

    /// <summary>
    /// A user adds to a line only while its acknowledged units are below this, and reads instead: a line holds at
    /// most 999 units, and a refused add would count as a failure that is the load's, not the architecture's.
    /// </summary>
    public const int MaxUnitsPerLine = 900;

    /// <summary>The writers of the shared cart.</summary>
    public const int SharedCartWriters = 16;

    /// <summary>The lines of a large cart.</summary>
    public const int LargeCartLines = 50;

    /// <summary>The fixed offered rate, as a share of the stateless architecture's saturation throughput.</summary>
    public const double FixedRateShare = 0.5;

    /// <summary>The architectures to run, by name, in the order they run; all by default.</summary>
    public IReadOnlyList<string> Architectures { get; init; } = ShowdownRunner.DefaultRunOrder;

    public int Workers => Users * WorkersPerUser;

    /// <summary>
    /// The committed run. The warm-up is long because the silos run far more code than the other servers, and .NET
    /// compiles hot methods into their optimized form over the first tens of seconds under load (tiered compilation).
    /// </summary>
    public static ShowdownSettings Full(string outputDirectory, string command, double? offeredRps) => new(
        false, 32, 2, TimeSpan.FromSeconds(40), 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(10), 512, TimeSpan.FromSeconds(10), 32, TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), offeredRps, outputDirectory, command);

    public static ShowdownSettings Short(string outputDirectory, string command, double? offeredRps) => new(
        true, 16, 2, TimeSpan.FromSeconds(2), 1, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3),
        TimeSpan.FromSeconds(2), 64, TimeSpan.FromSeconds(2), 8, TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), offeredRps, outputDirectory, command);
}
