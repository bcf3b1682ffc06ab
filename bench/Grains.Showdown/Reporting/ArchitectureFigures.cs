namespace Grains.Showdown.Reporting;

/// <param name="Name">stateful, stateless, orleans or orleans-client.</param>
/// <param name="Read">Cart reads at saturation (closed loop).</param>
/// <param name="Write">Adds at saturation (closed loop).</param>
/// <param name="CpuMsPerRequest">CPU of every server-side process (proxy, servers, gateway, silos, Redis) over the saturation phases, per request.</param>
/// <param name="StoreOpsPerRequest">Redis commands over the saturation phases, per request.</param>
/// <param name="FixedRate">Reads and adds at a fixed offered rate (open loop), latency counted from when each request was due.</param>
/// <param name="NetworkRoundTrips">Round trips behind the proxy of a read and of an add, as modelled from the code path.</param>
/// <param name="SharedCart">16 writers adding to one cart at once.</param>
/// <param name="LargeCarts">Reads of carts of 50 lines.</param>
/// <param name="CpuUsByProcess">The CPU of a read and of an add in the saturation phases, by kind of process.</param>
internal sealed record ArchitectureFigures(
    string Name,
    ThroughputFigures Read,
    ThroughputFigures Write,
    double CpuMsPerRequest,
    double StoreOpsPerRequest,
    KillFigures Kill,
    FixedRateFigures FixedRate,
    RoundTripFigures NetworkRoundTrips,
    SharedCartFigures SharedCart,
    ThroughputFigures LargeCarts,
    CpuByProcessFigures CpuUsByProcess);
