namespace Grains.Showdown;

/// <summary>The load and the phases every architecture goes through, in this order.</summary>
/// <param name="Users">Users signed in; each keeps <paramref name="WorkersPerUser"/> requests in flight (two tabs of one user change one cart at once).</param>
/// <param name="WarmUp">Mixed load before any figure is taken (JIT, connection pools).</param>
/// <param name="Rounds">Read and write phases alternate this many times, so that neither always comes first.</param>
/// <param name="ReadPhase">Only GET /api/cart, per round: read throughput and latency.</param>
/// <param name="WritePhase">Only POST /api/cart/items, per round: write throughput and latency.</param>
/// <param name="BeforeKill">Mixed load before the kill -9.</param>
/// <param name="AfterKill">Mixed load after it: failures, lost sessions and recovery are counted here.</param>
internal sealed record ShowdownSettings(
    bool Quick,
    int Users,
    int WorkersPerUser,
    TimeSpan WarmUp,
    int Rounds,
    TimeSpan ReadPhase,
    TimeSpan WritePhase,
    TimeSpan BeforeKill,
    TimeSpan AfterKill,
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

    public int Workers => Users * WorkersPerUser;

    public static ShowdownSettings Full(string outputDirectory, string command) => new(
        false, 32, 2, TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), outputDirectory, command);

    public static ShowdownSettings Short(string outputDirectory, string command) => new(
        true, 16, 2, TimeSpan.FromSeconds(2), 1, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3),
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), outputDirectory, command);
}
