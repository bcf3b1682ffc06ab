using Grains.Client;
using Grains.Client.Models;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// The Kiota-generated <see cref="ShopApiClient"/> on an in-memory gateway, with Kiota's usual middleware. Its retry
/// handler is turned off, so that a test sees every 429 and 503 the gateway gives rather than Kiota's retry of it.
/// </summary>
public sealed class GeneratedShopClient : IDisposable
{
    private readonly HttpClient _http;

    public GeneratedShopClient(HttpMessageHandler gateway)
    {
        _http = KiotaClientFactory.Create(gateway, [new RetryHandlerOption { MaxRetry = 0 }]);
        var adapter = new HttpClientRequestAdapter(Authentication, httpClient: _http) { BaseUrl = "http://localhost" };
        Shop = new ShopApiClient(adapter);
    }

    public SessionTokenAuthentication Authentication { get; } = new();

    public ShopApiClient Shop { get; }

    /// <summary>Starts a session for <paramref name="userId"/> (by default a user no other test uses) and sends its token from now on.</summary>
    public async Task<CreatedSession> SignInAsync(string? userId = null)
    {
        var session = await Shop.Api.Sessions.PostAsync(new CreateSessionRequest { UserId = userId ?? $"user-{Guid.NewGuid():N}" });
        Assert.NotNull(session?.Token);
        Authentication.Token = session.Token;
        return session;
    }

    public void Dispose() => _http.Dispose();
}
