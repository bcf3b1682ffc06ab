namespace Grains.Runtime.Activation;

public enum ActivationEventKind
{
    /// <summary>The activation became valid and may serve calls.</summary>
    Activated,

    /// <summary>The activation was deactivated and serves no more calls.</summary>
    Deactivated,

    /// <summary>The activation ended without deactivation: its silo crashed or was declared dead.</summary>
    Lost,
}
