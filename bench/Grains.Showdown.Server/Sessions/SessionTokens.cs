using Grains.Hosting.Sessions;
using Grains.Showdown.Server.Hosting;
using Microsoft.Extensions.Options;
using ShopTokens = Grains.Hosting.Sessions.SessionTokens;

namespace Grains.Showdown.Server.Sessions;

/// <summary>
/// The shop's own tokens (HMAC-signed, checked the same way), so that every architecture pays the same signature
/// check. A stateful server puts its route in front (<c>route~token</c>), as a sticky cookie names its backend, so
/// that the proxy sends the session back to the server that holds it.
/// </summary>
public sealed class SessionTokens(IOptions<ServerOptions> options)
{
    public const char RouteSeparator = '~';

    private readonly ShopTokens _tokens = new(options.Value.TokenKey ?? throw new InvalidOperationException("Showdown:TokenKey is not set."));
    private readonly string? _route = options.Value.Mode == ServerMode.Stateful ? options.Value.Route : null;

    public static string NewSessionId() => ShopTokens.NewSessionId();

    public string Issue(SessionToken token) =>
        _route is null ? _tokens.Issue(token) : $"{_route}{RouteSeparator}{_tokens.Issue(token)}";

    /// <summary>The token's content when its signature is valid; null for anything forged or malformed.</summary>
    public SessionToken? Read(string? token) =>
        token is null ? null : _tokens.Read(token[(token.IndexOf(RouteSeparator, StringComparison.Ordinal) + 1)..]);

    /// <summary>The route a stateful server put in front of the token, or null.</summary>
    public static string? RouteOf(string? token) =>
        token?.IndexOf(RouteSeparator, StringComparison.Ordinal) is > 0 and var end ? token[..end] : null;

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? FromHeader(string? authorization) => ShopTokens.FromAuthorizationHeader(authorization);
}
