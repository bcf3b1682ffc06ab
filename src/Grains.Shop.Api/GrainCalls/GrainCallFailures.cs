using Grains.Shop.Contracts.Serving;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>Tells from a grain call's exception what is known of its effect.</summary>
public static class GrainCallFailures
{
    public static GrainCallFailure Classify(Exception exception) => exception switch
    {
        SiloLeaseExpiredException { OutcomeUnknown: false } => GrainCallFailure.NotRun,

        // The call's silo died, no answer came in time, the silo's lease ran out while it ran,
        // the store did not confirm a write, or the write met a newer version (Orleans then deactivates the activation,
        // and the next call reads afresh). SiloUnavailableException is an OrleansMessageRejectionException, so it must
        // be matched before the rejections below.
        SiloLeaseExpiredException or SiloUnavailableException or TimeoutException
            or StorageUnavailableException or InconsistentStateException => GrainCallFailure.OutcomeUnknown,

        // Orleans rejects a message it did not process: no activation to take it, a forwarding limit, a silo it could
        // not connect to, or (for a client) no gateway.
        OrleansMessageRejectionException or GatewayTooBusyException => GrainCallFailure.NotRun,
        _ => GrainCallFailure.Final,
    };
}
