using Grains.Runtime.Activation;

namespace Grains.Runtime;

/// <summary>
/// Base class of grain implementations. An activation runs one call at a time; state kept in fields lives
/// as long as the activation, and state that must survive a crash belongs in an <see cref="IPersistentState{T}"/>.
/// </summary>
public abstract class Grain
{
    internal ActivationData? Activation { get; set; }

    /// <summary>The grain's identity.</summary>
    public GrainId GrainId => RequireActivation().GrainId;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => RequireActivation().GrainFactory;

    /// <summary>The name of the silo this activation lives on.</summary>
    protected string RuntimeIdentity => RequireActivation().SiloName;

    /// <summary>Called once, before the first call is delivered to the activation.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once, after the last call completed, unless the silo crashed.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this activation once the current call completes.</summary>
    protected void DeactivateOnIdle() => RequireActivation().RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Extends the activation's life: it will not be collected for at least <paramref name="period"/>.</summary>
    protected void DelayDeactivation(TimeSpan period) => RequireActivation().DelayDeactivation(period);

    private ActivationData RequireActivation() =>
        Activation ?? throw new InvalidOperationException("This grain instance was not created by the runtime.");
}
