using Grains.Shop.Contracts.Serving;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grains.Gateway.GrainCalls;

/// <summary>Tells from a grain call's exception what is known of its effect.</summary>
public static class GrainCallFailures
{
    public static GrainCallFailure Classify(Exception exception) => exception switch
    {
        SiloLeaseExpiredException { OutcomeUnknown: false } => GrainCallFailure.NotRun,

        // The call's silo died, the call was abandoned, no answer came in time, the silo's lease ran out while it ran,
        // the store did not confirm a write, or the write met a newer version (Orleans then deactivates the activation,
        // and the next call reads afresh). SiloUnavailableException is an OrleansMessageRejectionException, so it must
        // be matched before the rejections below.
        SiloLeaseExpiredException or CallOutcomeUnknownException or SiloUnavailableException or TimeoutException
            or StorageUnavailableException or InconsistentStateException => GrainCallFailure.OutcomeUnknown,

        // Orleans rejects a message it did not process: no activation to take it, a forwarding limit, no gateway; or the
        // gateway has no cluster yet.
        OrleansMessageRejectionException or GatewayTooBusyException or ClusterNotConnectedException => GrainCallFailure.NotRun,
        _ => GrainCallFailure.Final,
    };
}
