using Grains.Hosting.Routing;
using Grains.Hosting.Sessions;
using Grains.Proxy.Backends;

namespace Grains.Proxy.Routing;

/// <summary>
/// Sends a request to the backend its user ranks first (<see cref="UserRouting"/>), the silo that holds the user's
/// grains, then to the user's next choices. The user is read from the bearer token without checking it: a forged token
/// only changes where the request goes, and the silo that serves it checks the token. A request without a token (a
/// sign-in, the catalog) goes round-robin.
/// </summary>
public sealed class UserAffinityPolicy : IBackendPolicy
{
    private readonly RoundRobinPolicy _anonymous = new();

    public int[] Rank(HttpContext context, IReadOnlyList<Backend> backends)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(backends);
        var user = SessionTokens.ReadUserUnchecked(SessionTokens.FromAuthorizationHeader(context.Request.Headers.Authorization));
        return user is null ? _anonymous.Rank(context, backends) : UserRouting.Rank(user, backends, static b => b.Key);
    }
}
