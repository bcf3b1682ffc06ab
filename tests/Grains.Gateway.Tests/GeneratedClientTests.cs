using System.Net;
using Grains.Client.Models;
using Grains.Gateway.Tests.Infrastructure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Grains.Gateway.Tests;

/// <summary>
/// The shop through the client generated from docs/openapi.json (src/Grains.Client), as a .NET user would call it:
/// typed bodies, and errors as typed ProblemDetails exceptions with their status and headers.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GeneratedClientTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    [Fact]
    public async Task A_user_signs_in_adds_to_the_cart_reads_it_and_checks_out()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        var session = await client.SignInAsync();

        var added = await client.Shop.Api.Cart.Items.PostAsync(
            new AddCartItemRequest { Sku = "TEA-001", Quantity = 2 },
            request => request.Headers.Add("Idempotency-Key", "add-1"));
        var repeated = await client.Shop.Api.Cart.Items.PostAsync(
            new AddCartItemRequest { Sku = "TEA-001", Quantity = 2 },
            request => request.Headers.Add("Idempotency-Key", "add-1"));
        var cart = await client.Shop.Api.Cart.GetAsync();

        Assert.Equal(session.UserId, cart?.UserId);
        var line = Assert.Single(cart!.Items!);
        Assert.Equal(("TEA-001", 2, 6.50m, 13.00m), (line.Sku, line.Quantity, line.UnitPrice, line.LineTotal));
        Assert.Equal(13.00m, cart.Total);
        Assert.Equal(1, added?.Version);
        Assert.Equal(1, repeated?.Version);

        var order = await client.Shop.Api.Cart.Checkout.PostAsync(request => request.Headers.Add("Idempotency-Key", "order-1"));
        var again = await client.Shop.Api.Cart.Checkout.PostAsync(request => request.Headers.Add("Idempotency-Key", "order-1"));

        Assert.Equal(13.00m, order?.Total);
        Assert.Equal(order?.OrderId, again?.OrderId);
        Assert.Empty((await client.Shop.Api.Cart.GetAsync())!.Items!);
        Assert.Equal([order!.OrderId], (await client.Shop.Api.Orders.GetAsync())!.Data!.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Orders_are_read_a_page_at_a_time_with_limit_and_cursor()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await client.Shop.Api.Cart.Items.PostAsync(new AddCartItemRequest { Sku = "TEA-001", Quantity = 1 });
            ids.Add((await client.Shop.Api.Cart.Checkout.PostAsync())!.OrderId!);
        }

        var listed = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await client.Shop.Api.Orders.GetAsync(request =>
            {
                request.QueryParameters.Limit = 2;
                request.QueryParameters.Cursor = cursor;
            });
            listed.AddRange(page!.Data!.Select(o => o.OrderId!));
            Assert.Equal(page.NextCursor is not null, page.HasMore);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task A_bad_limit_or_cursor_gets_400_with_the_parameter_at_fault()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();

        var limit = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.Shop.Api.Orders.GetAsync(r => r.QueryParameters.Limit = 0));
        var cursor = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.Shop.Api.Orders.GetAsync(r => r.QueryParameters.Cursor = "not-a-cursor"));

        Assert.Equal(400, limit.ResponseStatusCode);
        Assert.Contains("limit", limit.Errors!.AdditionalData.Keys);
        Assert.Equal(400, cursor.ResponseStatusCode);
        Assert.Contains("cursor", cursor.Errors!.AdditionalData.Keys);
    }

    [Fact]
    public async Task Without_a_token_the_client_gets_401_as_problem_details()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Shop.Api.Cart.GetAsync());

        Assert.Equal(401, problem.ResponseStatusCode);
        Assert.Equal((401, "Unauthorized"), (problem.Status, problem.Title));
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.2", problem.Type);
        Assert.Contains("Bearer", problem.ResponseHeaders["WWW-Authenticate"]);
    }

    [Fact]
    public async Task A_revoked_session_gets_401()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();
        Assert.NotNull(await client.Shop.Api.Sessions.Current.GetAsync());

        await client.Shop.Api.Sessions.Current.DeleteAsync();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Shop.Api.Sessions.Current.GetAsync());
        Assert.Equal(401, problem.ResponseStatusCode);
    }

    [Fact]
    public async Task Checking_out_an_empty_cart_gets_409()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Shop.Api.Cart.Checkout.PostAsync());

        Assert.Equal((409, "Empty cart"), (problem.ResponseStatusCode, problem.Title));
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.10", problem.Type);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_another_request_gets_422_and_changes_nothing()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();
        await client.Shop.Api.Cart.Items.PostAsync(new AddCartItemRequest { Sku = "TEA-001", Quantity = 1 }, r => r.Headers.Add("Idempotency-Key", "k"));

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            client.Shop.Api.Cart.Items.PostAsync(new AddCartItemRequest { Sku = "COF-001", Quantity = 1 }, r => r.Headers.Add("Idempotency-Key", "k")));

        Assert.Equal((422, "Idempotency key reused"), (problem.ResponseStatusCode, problem.Title));
        Assert.Equal("https://tools.ietf.org/html/rfc4918#section-11.2", problem.Type);
        Assert.Equal(["TEA-001"], (await client.Shop.Api.Cart.GetAsync())!.Items!.Select(i => i.Sku));
    }

    [Fact]
    public async Task Bad_input_gets_400_with_the_fields_at_fault()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();

        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            client.Shop.Api.Cart.Items.PostAsync(new AddCartItemRequest { Sku = "TEA-001", Quantity = 0 }));
        var unknown = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            client.Shop.Api.Cart.Items["NOPE-404"].PutAsync(new SetCartItemQuantityRequest { Quantity = 1 }));

        Assert.Equal(400, invalid.ResponseStatusCode);
        Assert.Contains("quantity", invalid.Errors!.AdditionalData.Keys);
        Assert.Equal((400, "Unknown SKU"), (unknown.ResponseStatusCode, unknown.Title));
        Assert.All(new[] { invalid.Type, unknown.Type }, type => Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", type));
    }

    [Fact]
    public async Task X_Silo_is_read_through_kiotas_headers_inspection()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();
        var inspection = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };

        await client.Shop.Api.Cart.GetAsync(request => request.Options.Add(inspection));

        Assert.Equal(cluster.SiloNames, inspection.ResponseHeaders["X-Silo"]);
    }

    [Fact]
    public async Task Too_many_requests_get_429_with_Retry_After()
    {
        var limited = new RateLimitedCluster();
        try
        {
            await limited.InitializeAsync();
            using var client = limited.Gateway.CreateGeneratedClient();
            await client.SignInAsync();
            for (var i = 0; i < RateLimitedCluster.Burst; i++)
            {
                await client.Shop.Api.Cart.GetAsync();
            }

            var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Shop.Api.Cart.GetAsync());

            Assert.Equal(429, problem.ResponseStatusCode);
            Assert.Null(problem.Type);
            var retryAfter = int.Parse(Assert.Single(problem.ResponseHeaders["Retry-After"]), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 3600);
        }
        finally
        {
            await limited.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();
        await client.SignInAsync();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            client.Shop.Api.Cart.Items.PostAsync(new AddCartItemRequest { Sku = new string('A', 20_000), Quantity = 1 }));

        Assert.Equal(413, problem.ResponseStatusCode);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.14", problem.Type);
    }

    /// <summary>No operation answers 404 or 405, so the generated client has no way to ask for them: hand-written requests do.</summary>
    [Fact]
    public async Task An_unknown_route_gets_a_404_problem()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();

        using var response = await client.GetAsync("/api/wishlist");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_known_path_with_another_method_gets_a_405_problem()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();

        using var response = await client.SendAsync(HttpMethod.Patch, "/api/cart", json: null);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.6", problem.GetProperty("type").GetString());
    }

    /// <summary>The generated client always sends JSON: a hand-written request sends something else.</summary>
    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/cart/items", UriKind.Relative))
        {
            Content = new StringContent("sku=TEA-001&quantity=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var response = await client.Http.SendAsync(request);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.16", problem.GetProperty("type").GetString());
        Assert.Empty((await client.GetCartAsync()).GetProperty("items").EnumerateArray());
    }
}
