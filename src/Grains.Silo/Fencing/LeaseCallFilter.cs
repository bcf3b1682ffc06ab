using Grains.Shop.Contracts.Serving;
using Grains.Silo.Serving;

namespace Grains.Silo.Fencing;

/// <summary>
/// Refuses every grain call while the silo's lease does not hold: before the call runs (it did not run, and the caller
/// may send it again), and again before its answer leaves (it ran, but another activation may already serve the grain,
/// so its answer must not be trusted). Together with a lease shorter than the quickest death declaration this keeps
/// the rule that no call completes on an activation once another activation of its grain has started serving.
/// </summary>
public sealed class LeaseCallFilter(SiloLease lease) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ApplicationGrains.Contains(context))
        {
            await context.Invoke();
            return;
        }

        if (!lease.IsHeld)
        {
            throw new SiloLeaseExpiredException("The silo does not hold its lease; the call did not run.", outcomeUnknown: false);
        }

        try
        {
            await context.Invoke();
        }
        catch when (!lease.IsHeld)
        {
            throw Lapsed();
        }

        if (!lease.IsHeld)
        {
            throw Lapsed();
        }
    }

    private static SiloLeaseExpiredException Lapsed() =>
        new("The silo's lease ran out while the call ran; its outcome is unknown.", outcomeUnknown: true);
}
