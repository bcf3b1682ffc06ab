using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Grains.Hosting.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Operators;

/// <summary>
/// HTTP Basic authentication of the one operator: user <see cref="UserName"/>, password <see cref="OperatorOptions.OperatorKey"/>.
/// Basic, so that a browser prompts for it; the challenge names a realm for that reason. The password is compared as a
/// SHA-256 hash in constant time, so neither its content nor its length shows in the time an answer takes. A shop
/// session token is not looked at.
/// </summary>
public sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<OperatorOptions> operatorOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Operator";
    public const string UserName = "operator";
    public const string Challenge = "Basic realm=\"Grains operators\", charset=\"UTF-8\"";

    private const int MaxHeaderLength = 1024;

    private static readonly Problem s_unauthorized = new(
        StatusCodes.Status401Unauthorized,
        "Unauthorized",
        "The operator tools need HTTP Basic authentication as user 'operator' with the gateway's operator key.");

    private readonly byte[] _keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(operatorOptions.Value.OperatorKey ?? string.Empty));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || header.Length > MaxHeaderLength || string.IsNullOrEmpty(operatorOptions.Value.OperatorKey))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not valid base64."));
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var userMatches = colon >= 0 && string.Equals(credentials[..colon], UserName, StringComparison.Ordinal);
        var passwordHash = SHA256.HashData(Encoding.UTF8.GetBytes(colon >= 0 ? credentials[(colon + 1)..] : string.Empty));
        var passwordMatches = CryptographicOperations.FixedTimeEquals(passwordHash, _keyHash);
        if (!(userMatches & passwordMatches))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong operator credentials."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, UserName)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = Challenge;
        await s_unauthorized.WriteAsync(Context).ConfigureAwait(false);
    }
}
