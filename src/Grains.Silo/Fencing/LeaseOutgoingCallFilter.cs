using Grains.Shop.Contracts.Serving;

namespace Grains.Silo.Fencing;

/// <summary>
/// Refuses every grain call this silo makes to an application grain while its lease does not hold, before it is sent.
/// <see cref="LeaseCallFilter"/> fences the calls a silo serves; this one fences the calls it starts. The shop's API
/// runs in the silo, so a silo resumed after a pause may find HTTP requests that waited in its sockets: by then its
/// users' grains may live on another silo, and a request sent again by the proxy was already served there. Sent
/// now, such a request would reach those grains as a new call, and apply twice once the grain no longer remembers
/// its idempotency key. Refused, it did not run, and the caller (long gone) is told so.
/// </summary>
public sealed class LeaseOutgoingCallFilter(SiloLease lease) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!lease.IsHeld && IsApplicationCall(context))
        {
            throw new SiloLeaseExpiredException("The silo does not hold its lease; the call was not sent.", outcomeUnknown: false);
        }

        return context.Invoke();
    }

    // Orleans' own calls (system targets and grains, the management and dashboard grains) go on: the runtime needs
    // them to learn that the silo was declared dead, or to renew the lease.
    private static bool IsApplicationCall(IOutgoingGrainCallContext context) =>
        !context.TargetId.Type.AsSpan().StartsWith("sys."u8)
        && context.InterfaceMethod?.DeclaringType?.Namespace is { } space
        && !space.StartsWith("Orleans", StringComparison.Ordinal);
}
