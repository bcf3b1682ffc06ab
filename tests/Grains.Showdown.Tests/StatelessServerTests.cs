using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Grains.Showdown.Tests;

/// <summary>The stateless showdown server against a real Redis: the gateway's answers to bad input, and no lost update between two servers.</summary>
[Trait("Category", "Integration")]
public sealed class StatelessServerTests(StatelessServerFixture fixture) : IClassFixture<StatelessServerFixture>
{
    [Theory]
    [InlineData("{\"sku\":", "Bad Request")]
    [InlineData("{\"sku\":\"NOT-IN-CATALOG\",\"quantity\":1}", "Unknown SKU")]
    [InlineData("{\"sku\":\"TEA-001\",\"quantity\":0}", "One or more validation errors occurred.")]
    [InlineData("{\"sku\":\"bad sku!\",\"quantity\":1}", "One or more validation errors occurred.")]
    public async Task Bad_adds_get_400_problem_details_without_exception_text(string body, string title)
    {
        var token = await SignInAsync(fixture.Servers[0], $"bad-{Guid.NewGuid():N}");

        using var response = await SendAsync(HttpMethod.Post, fixture.Servers[0], "/api/cart/items", token, body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, title);
    }

    [Fact]
    public async Task A_bad_user_id_gets_400_problem_details()
    {
        using var response = await SendAsync(HttpMethod.Post, fixture.Servers[0], "/api/sessions", token: null, "{\"userId\":\"no spaces allowed\"}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "One or more validation errors occurred.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged.token")]
    public async Task A_missing_or_forged_token_gets_401_problem_details(string? token)
    {
        using var response = await SendAsync(HttpMethod.Get, fixture.Servers[1], "/api/cart", token, body: null);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task A_token_from_one_server_works_on_the_other_because_the_session_is_in_redis()
    {
        var token = await SignInAsync(fixture.Servers[0], $"both-{Guid.NewGuid():N}");

        using var response = await SendAsync(HttpMethod.Get, fixture.Servers[1], "/api/cart", token, body: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// 200 adds to one cart at once is far more contention than a compare-and-set loop settles within its 50 attempts:
    /// some adds give up with 503 and write nothing. Every add answered 200 is in the cart, and no other.
    /// </summary>
    [Fact]
    public async Task Concurrent_adds_to_one_cart_through_both_servers_lose_no_acknowledged_update_and_apply_no_refused_one()
    {
        const int Adds = 200;
        var token = await SignInAsync(fixture.Servers[0], $"race-{Guid.NewGuid():N}");

        var statuses = await Task.WhenAll(Enumerable.Range(0, Adds).Select(async i =>
        {
            using var response = await SendAsync(HttpMethod.Post, fixture.Servers[i % 2], "/api/cart/items", token, "{\"sku\":\"TEA-001\",\"quantity\":1}");
            return response.StatusCode;
        }));

        var acknowledged = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.True(acknowledged > 0, "some adds were acknowledged");
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"an add got {s}"));
        using var cart = await SendAsync(HttpMethod.Get, fixture.Servers[1], "/api/cart", token, body: null);
        using var json = JsonDocument.Parse(await cart.Content.ReadAsStringAsync());
        Assert.Equal(acknowledged, json.RootElement.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(acknowledged, json.RootElement.GetProperty("version").GetInt64());
    }

    private async Task<string> SignInAsync(Uri server, string userId)
    {
        using var response = await fixture.Http.PostAsJsonAsync(new Uri(server, "/api/sessions"), new { userId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri server, string path, string? token, string? body)
    {
        var request = new HttpRequestMessage(method, new Uri(server, path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return fixture.Http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }
}
