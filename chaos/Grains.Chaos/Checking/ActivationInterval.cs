namespace Grains.Chaos.Checking;

/// <summary>
/// The time one activation served its grain, from the activation journal, in microseconds of the machine's wall clock:
/// from the moment its first call was about to run (<see cref="Start"/>) to the moment its last answer left
/// (<see cref="LastAnswer"/>; null when no answer of it ever left).
/// </summary>
/// <param name="Grain">The grain id as Orleans prints it, <c>type/key</c> (<c>cart/alice</c>).</param>
/// <param name="Silo">The name of the silo that hosted the activation.</param>
public sealed record ActivationInterval(string Grain, string Activation, string Silo, long Start, long? LastAnswer)
{
    /// <summary>The grain type, such as <c>cart</c> or <c>session</c>.</summary>
    public string GrainType => Grain.Split('/', 2)[0];

    /// <summary>The grain's key within its type: the user id of a cart, the session id of a session.</summary>
    public string GrainKey => Grain.Split('/', 2) is [_, var key] ? key : string.Empty;
}
