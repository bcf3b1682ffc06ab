namespace Grains.Runtime;

/// <summary>
/// Observes the grain calls made inside it, e.g. to tell an HTTP client which silo served its request:
/// <code>
/// using var scope = GrainCallScope.Begin();
/// var cart = await carts.GetGrain&lt;ICartGrain&gt;(user).GetAsync();
/// response.Headers["X-Silo"] = scope.LastSiloName;
/// </code>
/// </summary>
public sealed class GrainCallScope : IDisposable
{
    private static readonly AsyncLocal<GrainCallScope?> s_current = new();
    private readonly GrainCallScope? _previous;

    private GrainCallScope(GrainCallScope? previous) => _previous = previous;

    /// <summary>The name of the silo whose activation answered the last call made in this scope.</summary>
    public string? LastSiloName { get; private set; }

    internal static GrainCallScope? Current => s_current.Value;

    public static GrainCallScope Begin()
    {
        var scope = new GrainCallScope(s_current.Value);
        s_current.Value = scope;
        return scope;
    }

    internal void Record(string siloName)
    {
        LastSiloName = siloName;
        _previous?.Record(siloName);
    }

    public void Dispose()
    {
        if (ReferenceEquals(s_current.Value, this))
        {
            s_current.Value = _previous;
        }
    }
}
