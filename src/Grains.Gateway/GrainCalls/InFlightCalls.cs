using Microsoft.Extensions.Options;
using Grains.Gateway.Hosting;

namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Bounds how long a grain call may wait once something in the cluster failed.
/// <para>
/// Orleans does not tell a client when the silo holding its call dies: the call waits for its response timeout. A
/// client sends each call through one of its gateway silos, which forwards it to the silo that hosts the grain, so a
/// call is lost when either dies, and the client knows neither. So whenever a failure is seen (a gateway connection
/// closed, or a silo left the active set), every call in flight at that moment gets
/// <see cref="GatewayOptions.InFlightGrace"/> to finish. Calls on healthy paths finish well within it; those whose
/// silo is gone fail then as outcome-unknown, and the gateway retries them when that is safe. Calls started after the
/// failure are not affected.
/// </para>
/// </summary>
public sealed class InFlightCalls(IOptions<GatewayOptions> options, TimeProvider timeProvider)
{
    private readonly TimeSpan _grace = options.Value.InFlightGrace;
    private CancellationTokenSource _epoch = new(Timeout.InfiniteTimeSpan, timeProvider);
    private int _failuresSeen;

    /// <summary>Cancelled <see cref="GatewayOptions.InFlightGrace"/> after the next failure seen.</summary>
    public CancellationToken Current => Volatile.Read(ref _epoch).Token;

    /// <summary>How many failures were seen.</summary>
    public int FailuresSeen => Volatile.Read(ref _failuresSeen);

    /// <summary>A failure was seen: the calls in flight now get the grace period, later calls a fresh epoch.</summary>
    public void FailureSeen()
    {
        // The replaced source is not disposed: calls may still hold its token, and once it has fired it holds nothing.
        var previous = Interlocked.Exchange(ref _epoch, new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider));
        Interlocked.Increment(ref _failuresSeen);
        previous.CancelAfter(_grace);
    }
}
