using Grains.Shop.Contracts.Serving;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// The test client's outgoing call filter: takes the silo's tag (<see cref="SiloTaggedResponse"/>) off every answer, as
/// the gateway does, and records the silo's name in <see cref="ServedBy.Current"/>. It retries nothing.
/// </summary>
public sealed class SiloTagRecorder : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Invoke();
        if (context.Response is SiloTaggedResponse tagged)
        {
            ServedBy.Current?.Silo = tagged.SiloName;
            context.Response = tagged.Inner;
        }
    }
}
