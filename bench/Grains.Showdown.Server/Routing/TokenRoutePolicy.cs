using Grains.Proxy.Backends;
using Grains.Proxy.Routing;
using SessionTokens = Grains.Showdown.Server.Sessions.SessionTokens;

namespace Grains.Showdown.Server.Routing;

/// <summary>
/// Sticky by session, as a sticky cookie names its backend: a request goes first to the server whose route the token
/// starts with (the stateful server that issued it holds the session), then to the others. A sign-in, which has no
/// token yet, goes round-robin.
/// </summary>
public sealed class TokenRoutePolicy : IBackendPolicy
{
    private readonly RoundRobinPolicy _anonymous = new();

    public int[] Rank(HttpContext context, IReadOnlyList<Backend> backends)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(backends);
        if (SessionTokens.RouteOf(SessionTokens.FromHeader(context.Request.Headers.Authorization)) is { } route)
        {
            for (var i = 0; i < backends.Count; i++)
            {
                if (string.Equals(backends[i].Key, route, StringComparison.Ordinal))
                {
                    return RoundRobinPolicy.RotatedFrom(i, backends.Count);
                }
            }
        }

        return _anonymous.Rank(context, backends);
    }
}
