namespace Grains.Runtime.Activation;

internal enum ActivationState
{
    /// <summary>Registering in the directory, reading state, running OnActivateAsync; calls queue.</summary>
    Activating,

    /// <summary>Serving calls.</summary>
    Valid,

    /// <summary>Finishing the calls already queued; new calls are refused so that callers re-route.</summary>
    Deactivating,

    /// <summary>Gone.</summary>
    Invalid,
}
