using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>An HTTP client of the shop API that speaks for one session once <see cref="SignInAsync"/> has run.</summary>
public sealed class ShopClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public string? Token { get; private set; }

    /// <summary>Creates a session for <paramref name="userId"/> and sends its token from now on.</summary>
    public async Task<JsonElement> SignInAsync(string userId)
    {
        using var response = await Http.PostAsJsonAsync("/api/sessions", new { userId });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        UseToken(session.GetProperty("token").GetString());
        return session;
    }

    public void UseToken(string? token)
    {
        Token = token;
        Http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(new Uri(path, UriKind.Relative));

    public Task<HttpResponseMessage> PutJsonAsync(string path, string json) =>
        SendAsync(HttpMethod.Put, path, json);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, json, idempotencyKey);

    public Task<HttpResponseMessage> AddItemAsync(string sku, int quantity, string? idempotencyKey = null) =>
        PostJsonAsync("/api/cart/items", JsonSerializer.Serialize(new { sku, quantity }), idempotencyKey);

    public Task<HttpResponseMessage> CheckoutAsync(string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, "/api/cart/checkout", json: null, idempotencyKey);

    public async Task<JsonElement> GetCartAsync()
    {
        using var response = await GetAsync("/api/cart");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
