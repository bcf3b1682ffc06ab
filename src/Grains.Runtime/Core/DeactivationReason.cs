namespace Grains.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>The activation was idle for longer than the collection age.</summary>
    IdleCollection,

    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>A storage write found a stale etag or a lost ownership: the in-memory state cannot be trusted.</summary>
    InconsistentState,

    /// <summary>The silo is shutting down gracefully.</summary>
    ShuttingDown,

    /// <summary>The activation failed while activating.</summary>
    ActivationFailed,
}
