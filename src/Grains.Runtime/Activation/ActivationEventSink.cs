using System.Diagnostics;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Membership;

namespace Grains.Runtime.Activation;

/// <summary>Publishes activation starts and ends to observers (tests, the dashboard) and to the metrics.</summary>
internal sealed class ActivationEventSink
{
    public event Action<ActivationEvent>? Published;

    public void Publish(ActivationEventKind kind, GrainId grain, string activationId, SiloAddress silo)
    {
        GrainsInstruments.RecordActivationChange(grain.Type, kind == ActivationEventKind.Activated ? 1 : -1);
        Published?.Invoke(new ActivationEvent(Stopwatch.GetTimestamp(), kind, grain, activationId, silo));
    }
}
