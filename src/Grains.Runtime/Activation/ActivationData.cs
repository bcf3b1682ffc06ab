namespace Grains.Runtime.Activation;

internal sealed partial class ActivationData
{
    public GrainId GrainId { get; }
    public IGrainFactory GrainFactory { get; } = null!;
    public string SiloName { get; } = "";
    public void RequestDeactivation(DeactivationReason reason) { }
    public void DelayDeactivation(TimeSpan period) { }
}
