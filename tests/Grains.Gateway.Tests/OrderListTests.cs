using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

/// <summary><c>GET /api/orders</c> a page at a time: every order once, newest first, and bad paging input refused.</summary>
[Trait("Category", "Integration")]
public sealed class OrderListTests(ManyOrdersCluster cluster) : IClassFixture<ManyOrdersCluster>
{
    [Fact]
    public async Task Paging_walks_every_order_once_newest_first_and_the_last_page_has_no_cursor()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        var ids = await CheckOutAsync(client, 7);

        var pages = await WalkAsync(client, "limit=3");

        Assert.Equal(Enumerable.Reverse(ids), pages.SelectMany(Ids));
        Assert.Equal(new[] { 3, 3, 1 }, pages.Select(p => p.GetProperty("data").GetArrayLength()));
        Assert.Equal(new[] { true, true, false }, pages.Select(p => p.GetProperty("hasMore").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, pages[^1].GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task A_page_holds_20_orders_unless_asked_otherwise()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        var ids = await CheckOutAsync(client, 21);

        var pages = await WalkAsync(client, query: null);

        Assert.Equal(new[] { 20, 1 }, pages.Select(p => p.GetProperty("data").GetArrayLength()));
        Assert.Equal(Enumerable.Reverse(ids), pages.SelectMany(Ids));
    }

    [Fact]
    public async Task A_checkout_between_two_pages_makes_the_client_neither_skip_nor_repeat_an_order()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        var ids = await CheckOutAsync(client, 5);
        var first = await GetPageAsync(client, "/api/orders?limit=2");

        var newer = await CheckOutAsync(client, 1);
        var rest = await WalkAsync(client, "limit=2", first.GetProperty("nextCursor").GetString());

        Assert.Equal(Enumerable.Reverse(ids), Ids(first).Concat(rest.SelectMany(Ids)));
        Assert.Equal(newer[0], Ids(await GetPageAsync(client, "/api/orders?limit=1")).Single());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=-1")]
    [InlineData("limit=many")]
    [InlineData("limit=1.5")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=AQAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Bad_paging_input_gets_400_and_changes_nothing(string query)
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        var ids = await CheckOutAsync(client, 2);
        var cart = await client.GetCartAsync();

        using var response = await client.GetAsync($"/api/orders?{query}");

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(Enumerable.Reverse(ids), (await WalkAsync(client, query: null)).SelectMany(Ids));
        Assert.Equal(cart.GetRawText(), (await client.GetCartAsync()).GetRawText());
    }

    [Fact]
    public async Task A_limit_out_of_range_is_named_in_the_problem()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();

        using var response = await client.GetAsync("/api/orders?limit=101");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task A_cursor_is_refused_for_another_user_and_when_changed()
    {
        using var alice = await cluster.Gateway.CreateSignedInClientAsync();
        using var bob = await cluster.Gateway.CreateSignedInClientAsync();
        await CheckOutAsync(alice, 2);
        await CheckOutAsync(bob, 2);
        var cursor = (await GetPageAsync(alice, "/api/orders?limit=1")).GetProperty("nextCursor").GetString()!;
        var changed = string.Concat(cursor[..10], cursor[10] == 'A' ? "B" : "A", cursor[11..]);

        using var bobs = await bob.GetAsync($"/api/orders?cursor={Uri.EscapeDataString(cursor)}");
        using var tampered = await alice.GetAsync($"/api/orders?cursor={Uri.EscapeDataString(changed)}");

        var problem = await Problems.AssertProblemAsync(bobs, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
        await Problems.AssertProblemAsync(tampered, HttpStatusCode.BadRequest);
        Assert.Single(Ids(await GetPageAsync(alice, $"/api/orders?cursor={Uri.EscapeDataString(cursor)}")));
    }

    /// <summary>Checks out <paramref name="count"/> carts of one line each; returns the order ids, oldest first.</summary>
    private static async Task<List<string>> CheckOutAsync(ShopClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            (await client.AddItemAsync("TEA-001", i + 1)).Dispose();
            using var checkout = await client.CheckoutAsync();
            Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
            ids.Add((await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!);
        }

        return ids;
    }

    /// <summary>Every page from <paramref name="cursor"/> on, each asked for with the previous page's <c>nextCursor</c>.</summary>
    private static async Task<List<JsonElement>> WalkAsync(ShopClient client, string? query, string? cursor = null)
    {
        var pages = new List<JsonElement>();
        do
        {
            var parameters = new[] { query, cursor is null ? null : $"cursor={Uri.EscapeDataString(cursor)}" }.Where(p => p is not null);
            var page = await GetPageAsync(client, $"/api/orders?{string.Join('&', parameters)}");
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(pages.Count <= 100, "the paging does not end");
        }
        while (cursor is not null);

        return pages;
    }

    private static async Task<JsonElement> GetPageAsync(ShopClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!);
}
