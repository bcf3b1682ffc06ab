using Grains.Proxy.Backends;

namespace Grains.Proxy.Routing;

/// <summary>Each request starts at the next backend in turn; the others follow in order.</summary>
public sealed class RoundRobinPolicy : IBackendPolicy
{
    private int _next;

    public int[] Rank(HttpContext context, IReadOnlyList<Backend> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        return RotatedFrom((int)((uint)Interlocked.Increment(ref _next) % (uint)Math.Max(1, backends.Count)), backends.Count);
    }

    /// <summary><c>first, first + 1, ...</c> around <paramref name="count"/>.</summary>
    public static int[] RotatedFrom(int first, int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = (first + i) % count;
        }

        return order;
    }
}
