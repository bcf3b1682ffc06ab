using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Operators;
using Grains.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Grains.Testing;

namespace Grains.Gateway.Tests.Operators;

/// <summary>The operator tools against real gateway processes: off without a key, and with one, only for the operator's Basic credentials.</summary>
[Trait("Category", "Integration")]
public sealed class OperatorAccessTests(OperatorCluster cluster) : IClassFixture<OperatorCluster>
{
    public static TheoryData<string> OperatorRoutes => ["/dashboard", "/dashboard/", "/api/cluster", "/api/cluster/grains", "/api/cluster/grains?userId=alice", "/api/cluster/stream", "/dashboard/placement", "/metrics"];

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    public async Task Without_an_operator_key_an_operator_route_is_not_found(string route)
    {
        using var client = cluster.Closed.CreateOperatorClient();

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    public async Task No_credential_gets_401_with_a_basic_challenge(string route)
    {
        using var client = cluster.Guarded.CreateClient();

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shop_session_token_is_not_an_operator_credential()
    {
        using var shop = new ShopClient(cluster.Guarded.CreateClient());
        await shop.SignInAsync("operator");
        using var cart = await shop.GetAsync("/api/cart");
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);

        using var response = await shop.GetAsync("/dashboard");

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task The_operator_scheme_is_no_default_so_forwarded_requests_are_not_authenticated_by_the_gateway()
    {
        await using var gateway = cluster.CreateGateway(new Dictionary<string, string?> { ["Dashboard:OperatorKey"] = OperatorCluster.OperatorKey });

        var schemes = gateway.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.NotNull(await schemes.GetSchemeAsync(OperatorAuthenticationHandler.SchemeName));
        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
    }

    [Theory]
    [InlineData("operator", "not-the-operator-key-0123456789")]
    [InlineData("operator", OperatorCluster.OperatorKey + "x")]
    [InlineData("admin", OperatorCluster.OperatorKey)]
    [InlineData("", OperatorCluster.OperatorKey)]
    public async Task Wrong_credentials_get_401(string user, string password)
    {
        using var client = cluster.Guarded.CreateClient();
        client.DefaultRequestHeaders.Authorization = OperatorCredentials.Basic(user, password);

        using var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("b3BlcmF0b3I=")]
    public async Task Malformed_basic_credentials_get_401(string parameter)
    {
        using var client = cluster.Guarded.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", parameter);

        using var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_operator_gets_the_orleans_dashboard()
    {
        using var client = cluster.Guarded.CreateOperatorClient();

        using var response = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Orleans Dashboard</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_orleans_dashboard_the_placement_view_is_still_served()
    {
        using var client = cluster.PlacementOnly.CreateOperatorClient();

        using var dashboard = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        using var placement = await client.GetAsync(new Uri("/dashboard/placement", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, placement.StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboard_does_not_read_grain_state()
    {
        var userId = $"stateful-{Guid.NewGuid():N}";
        using var shop = new ShopClient(cluster.Guarded.CreateClient());
        await shop.SignInAsync(userId);
        (await shop.AddItemAsync("TEA-001", 1)).Dispose();
        using var client = cluster.Guarded.CreateOperatorClient();

        using var response = await client.GetAsync(new Uri($"/dashboard/GrainState?grainId={userId}&grainType=Grains.Shop.Carts.CartGrain", UriKind.Relative));

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/dashboard/SiloCounters/not-a-silo")]
    [InlineData("/dashboard/SiloProperties/127.0.0.1")]
    [InlineData("/dashboard/SiloStats/127.0.0.1:11111@x")]
    [InlineData("/dashboard/HistoricalStats/%20")]
    public async Task A_malformed_silo_address_to_the_orleans_dashboard_gets_400(string route)
    {
        using var client = cluster.Guarded.CreateOperatorClient();

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), "the problem names the bad route value");
    }

    [Theory]
    [InlineData("/dashboard/fonts/fa-solid-900.woff2")]
    [InlineData("/dashboard/fonts/fa-brands-400.woff2")]
    [InlineData("/dashboard/img/OrleansLogo.png")]
    [InlineData("/dashboard/index.min.js")]
    public async Task The_orleans_dashboards_own_files_are_served(string path)
    {
        using var client = cluster.Guarded.CreateOperatorClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Fact]
    public async Task A_silo_address_the_dashboard_lists_is_served()
    {
        using var client = cluster.Guarded.CreateOperatorClient();
        var view = await client.GetFromJsonAsync<JsonElement>(new Uri("/dashboard/DashboardCounters", UriKind.Relative));
        var address = view.GetProperty("hosts")[0].GetProperty("siloAddress").GetString();

        using var response = await client.GetAsync(new Uri($"/dashboard/SiloProperties/{address}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_operator_scrapes_orleans_and_gateway_metrics()
    {
        using var client = cluster.Guarded.CreateOperatorClient();
        (await client.GetAsync(new Uri("/api/cluster", UriKind.Relative))).Dispose();

        var text = string.Empty;
        await Poll.UntilAsync(
            async () =>
            {
                text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                return text.Contains("grains_gateway_management_calls", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(60),
            "the gateway's management calls to be scraped");

        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("grains_gateway_active_silos", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shop_still_works_on_a_gateway_with_operator_tools()
    {
        using var shop = new ShopClient(cluster.Guarded.CreateClient());
        await shop.SignInAsync($"user-{Guid.NewGuid():N}");

        using var added = await shop.AddItemAsync("TEA-001", 1);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
    }
}
