namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Which silo answered the grain calls of the current request, for its <c>X-Silo</c> header. The endpoint filter opens
/// one per request; the Orleans call filter (<see cref="SiloTagFilter"/>) fills it in from the silos' tags.
/// </summary>
public sealed class ServingSilo
{
    private static readonly AsyncLocal<ServingSilo?> s_current = new();

    /// <summary>The silo that answered the latest grain call of the request; null before any answered.</summary>
    public string? Name { get; private set; }

    internal static ServingSilo? Current => s_current.Value;

    /// <summary>Starts recording for the calls that follow in this async flow.</summary>
    public static ServingSilo Begin()
    {
        var scope = new ServingSilo();
        s_current.Value = scope;
        return scope;
    }

    internal void Record(string name) => Name = name;
}
