using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Serving;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grains.Gateway.Tests.GrainCalls;

public sealed class GrainCallFailuresTests
{
    public static TheoryData<Exception, GrainCallFailure> Failures => new()
    {
        { new SiloLeaseExpiredException("refused", outcomeUnknown: false), GrainCallFailure.NotRun },
        { new GatewayTooBusyException(), GrainCallFailure.NotRun },

        // A subclass of OrleansMessageRejectionException whose call was delivered: it must not count as not run.
        { new SiloUnavailableException("the silo died"), GrainCallFailure.OutcomeUnknown },
        { new SiloLeaseExpiredException("ran out", outcomeUnknown: true), GrainCallFailure.OutcomeUnknown },
        { new OrleansException("some other failure of the runtime"), GrainCallFailure.Final },
        { new TimeoutException("no answer"), GrainCallFailure.OutcomeUnknown },
        { new StorageUnavailableException("store"), GrainCallFailure.OutcomeUnknown },
        { new InconsistentStateException("etag"), GrainCallFailure.OutcomeUnknown },
        { new UnknownSkuException("no such sku"), GrainCallFailure.Final },
        { new InvalidOperationException("a bug"), GrainCallFailure.Final },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_classified_by_what_is_known_of_its_effect(Exception exception, GrainCallFailure expected) =>
        Assert.Equal(expected, GrainCallFailures.Classify(exception));
}
