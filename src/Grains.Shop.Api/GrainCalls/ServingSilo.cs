namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// Where the grain calls of the current request ran, for its <c>X-Silo</c> and <c>X-Locality</c> headers. The endpoint
/// filter opens one per request; the Orleans call filter (<see cref="SiloTagFilter"/>) fills it in from the silos' tags.
/// </summary>
public sealed class ServingSilo
{
    private static readonly AsyncLocal<ServingSilo?> s_current = new();

    private int _calls;
    private int _remoteCalls;

    /// <summary>The silo that answered the latest grain call of the request; null before any answered.</summary>
    public string? Name { get; private set; }

    /// <summary>Grain calls answered so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Of those, the calls a silo other than this process answered.</summary>
    public int RemoteCalls => Volatile.Read(ref _remoteCalls);

    /// <summary>
    /// The request's locality: <see cref="Locality.InProcess"/> when every grain call was answered by an activation in
    /// this process, <see cref="Locality.Remote"/> when one was not, <see cref="Locality.None"/> when no call was answered.
    /// </summary>
    public Locality Locality => Calls == 0 ? Locality.None : RemoteCalls == 0 ? Locality.InProcess : Locality.Remote;

    internal static ServingSilo? Current => s_current.Value;

    /// <summary>Starts recording for the calls that follow in this async flow.</summary>
    public static ServingSilo Begin()
    {
        var scope = new ServingSilo();
        s_current.Value = scope;
        return scope;
    }

    internal void Record(string name, bool inProcess)
    {
        Name = name;
        Interlocked.Increment(ref _calls);
        if (!inProcess)
        {
            Interlocked.Increment(ref _remoteCalls);
        }
    }
}
