using Grains.Proxy.Backends;

namespace Grains.Proxy.Routing;

/// <summary>Decides, for one request, the order in which the proxy tries the routable backends.</summary>
public interface IBackendPolicy
{
    /// <summary>The indexes of <paramref name="backends"/> in the order to try them; the first is the request's choice.</summary>
    int[] Rank(HttpContext context, IReadOnlyList<Backend> backends);
}
