using Grains.Shop.Contracts.Serving;

namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Every grain call the gateway makes passes through here: the silo's tag (<see cref="SiloTaggedResponse"/>) is taken
/// off the answer and recorded for the request's <c>X-Silo</c> header, and a call still running
/// <see cref="Hosting.GatewayOptions.InFlightGrace"/> after a failure was seen is abandoned as outcome-unknown.
/// </summary>
public sealed class SiloTagFilter(InFlightCalls inFlight) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var abandonAt = inFlight.Current;
        var call = context.Invoke();
        try
        {
            await call.WaitAsync(abandonAt).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abandonAt.IsCancellationRequested && !call.IsCompleted)
        {
            // The abandoned call ends by itself (at the latest after the response timeout); nobody waits for it.
            _ = call.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new CallOutcomeUnknownException("A silo failed while the call ran; it may or may not have taken effect.");
        }

        if (context.Response is SiloTaggedResponse tagged)
        {
            ServingSilo.Current?.Record(tagged.SiloName);
            context.Response = tagged.Inner;
        }
    }
}
