using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Grains.Showdown.Load;

/// <summary>The API as the load uses it, over one pooled HTTP client to the architecture's entry on 127.0.0.1.</summary>
internal sealed class ShopClient(HttpClient http, Uri entry)
{
    /// <summary>The status of a request that got no answer (a broken connection, a timeout).</summary>
    public const int NoAnswer = 0;

    private readonly Uri _sessions = new(entry, "/api/sessions");
    private readonly Uri _cart = new(entry, "/api/cart");
    private readonly Uri _items = new(entry, "/api/cart/items");

    /// <summary>Signs in; the new token, or null with the status that refused it.</summary>
    public async Task<(string? Token, int Status)> SignInAsync(string userId)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _sessions) { Content = Json($"{{\"userId\":\"{userId}\"}}") };
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return (null, (int)response.StatusCode);
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            return (body.RootElement.GetProperty("token").GetString(), (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            return (null, NoAnswer);
        }
    }

    /// <summary>One read or one add of a unit of <paramref name="sku"/>; the status, or <see cref="NoAnswer"/>.</summary>
    public async Task<int> SendAsync(Operation operation, string token, string sku)
    {
        try
        {
            using var request = operation == Operation.Write
                ? new HttpRequestMessage(HttpMethod.Post, _items) { Content = Json($"{{\"sku\":\"{sku}\",\"quantity\":1}}") }
                : new HttpRequestMessage(HttpMethod.Get, _cart);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            // Read to the end, as a client does: a request is served when its whole answer arrived.
            await response.Content.LoadIntoBufferAsync();
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return NoAnswer;
        }
    }

    /// <summary>The cart's quantities by SKU, or null with the status when it could not be read.</summary>
    public async Task<(IReadOnlyDictionary<string, int>? Lines, int Status)> ReadCartAsync(string token)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _cart);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return (null, (int)response.StatusCode);
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var lines = body.RootElement.GetProperty("items").EnumerateArray()
                .ToDictionary(i => i.GetProperty("sku").GetString()!, i => i.GetProperty("quantity").GetInt32(), StringComparer.Ordinal);
            return (lines, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            return (null, NoAnswer);
        }
    }

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
