namespace Grains.Runtime.Membership;

public enum SiloStatus
{
    /// <summary>Registered and serving; new activations may be placed on it.</summary>
    Active = 1,

    /// <summary>Leaving gracefully: finishes its calls and hands off its grains, takes no new activations.</summary>
    ShuttingDown = 2,

    /// <summary>Gone for good: crashed and declared dead, or left. A dead silo never comes back to life.</summary>
    Dead = 3,
}
