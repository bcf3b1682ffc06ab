using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Grains.Client;

/// <summary>
/// Sends the session token as <c>Authorization: Bearer</c> once <see cref="Token"/> is set (from the answer of
/// <c>POST /api/sessions</c>); without one, requests go out anonymous, as creating a session and listing products need.
/// </summary>
public sealed class SessionTokenAuthentication : IAuthenticationProvider
{
    public string? Token { get; set; }

    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Token is { Length: > 0 } token && !request.Headers.ContainsKey("Authorization"))
        {
            request.Headers.Add("Authorization", $"Bearer {token}");
        }

        return Task.CompletedTask;
    }
}
