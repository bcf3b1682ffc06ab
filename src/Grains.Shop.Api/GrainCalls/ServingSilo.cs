namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// Where the grain calls of the current request ran, for its <c>X-Silo</c> and <c>X-Locality</c> headers. A middleware
/// opens one per request, ahead of authentication, whose session check may call a grain; the Orleans call filter
/// (<see cref="SiloTagFilter"/>) fills it in from the silos' tags.
/// </summary>
public sealed class ServingSilo
{
    private static readonly AsyncLocal<ServingSilo?> s_current = new();
    private static readonly object s_key = new();

    private int _calls;
    private int _remoteCalls;

    /// <summary>
    /// When the request began to be served, in Unix milliseconds: the same for every attempt of its grain calls, so
    /// that a cart can tell a late copy of a request from a new one (<c>AddCartItem.ReceivedAt</c>).
    /// </summary>
    public long ReceivedAt { get; private init; }

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

    /// <summary>Starts recording for the calls that follow in this async flow: those of the request <paramref name="context"/>.</summary>
    public static ServingSilo Begin(HttpContext context, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = new ServingSilo { ReceivedAt = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds() };
        s_current.Value = scope;
        context.Items[s_key] = scope;
        return scope;
    }

    /// <summary>The request's record, or null when none was begun.</summary>
    public static ServingSilo? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[s_key] as ServingSilo;
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
