using System.Net;
using System.Net.Http.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Hosting.Cluster;
using Grains.Hosting.Routing;
using Grains.Proxy.Telemetry;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Gateway.Tests;

/// <summary>
/// Requests land where their user's grains live: the gateway sends a user's requests to the silo that the user ranks
/// first, and that silo placed the user's grains; after a silo joins, the grains of the users it now ranks first move
/// to it. Counted by the gateway from the silos' <c>X-Locality</c>, and read from the grain directory in Redis.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LocalityTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Requests_are_served_in_process_in_steady_state_and_again_after_a_silo_joins()
    {
        var metrics = cluster.Gateway.Services.GetRequiredService<ProxyMetrics>();
        var users = new List<ShopClient>();
        for (var i = 0; i < 24; i++)
        {
            users.Add(await cluster.Gateway.CreateSignedInClientAsync($"local-{i}-{Guid.NewGuid():N}"));
        }

        // A sign-in has no token to route by, so its session grain may be on another silo: count from here.
        var (inProcess, remote) = (metrics.InProcess, metrics.Remote);
        await AddAndReadAsync(users);
        Assert.Equal(0, metrics.Remote - remote);
        Assert.Equal(users.Count * 2, metrics.InProcess - inProcess);

        await cluster.StartSiloAsync("silo-3");
        var silos = (await cluster.View.SilosAsync()).Where(s => s.Status == MembershipStatus.Active).ToList();
        var homes = users.ToDictionary(u => u, u => silos[UserRouting.Pick(UserOf(u), [.. silos.Select(s => s.Key)])].Name);
        Assert.Contains("silo-3", homes.Values);

        // Every user's cart and session end on the user's silo, moved there or left there.
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var (user, home) in homes)
                {
                    if (await cluster.View.DirectorySiloNameAsync($"cart/{UserOf(user)}") != home)
                    {
                        return false;
                    }
                }

                return true;
            },
            s_timeout,
            "every cart to be on its user's silo after silo-3 joined");

        await Poll.UntilAsync(
            async () =>
            {
                (inProcess, remote) = (metrics.InProcess, metrics.Remote);
                await AddAndReadAsync(users);
                return metrics.Remote == remote;
            },
            s_timeout,
            "a round of requests served with every grain call in-process");
        Assert.Equal(users.Count * 2, metrics.InProcess - inProcess);
        foreach (var (user, home) in homes)
        {
            using var cart = await user.GetAsync("/api/cart");
            Assert.Equal(home, cart.Headers.GetValues("X-Silo").Single());
        }

        foreach (var user in users)
        {
            user.Dispose();
        }
    }

    [Fact]
    public async Task A_request_that_lands_on_another_silo_than_its_users_is_served_by_a_remote_grain_call()
    {
        using var user = await cluster.Gateway.CreateSignedInClientAsync($"elsewhere-{Guid.NewGuid():N}");
        (await user.AddItemAsync("TEA-001", 2)).Dispose();
        var silos = (await cluster.View.SilosAsync()).Where(s => s.IsRoutable).ToList();
        var home = silos[UserRouting.Pick(UserOf(user), [.. silos.Select(s => s.Key)])];
        var other = silos.First(s => s != home);

        using var direct = new HttpClient { BaseAddress = other.Http!.Url };
        direct.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
        using var cart = await direct.GetAsync(new Uri("/api/cart", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        Assert.Equal("remote", cart.Headers.GetValues("X-Locality").Single());
        Assert.Equal(home.Name, cart.Headers.GetValues("X-Silo").Single());
        Assert.Equal(2, (await cart.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    private static async Task AddAndReadAsync(IEnumerable<ShopClient> users)
    {
        foreach (var user in users)
        {
            using var added = await user.AddItemAsync("TEA-001", 1);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            using var read = await user.GetAsync("/api/cart");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    private static string UserOf(ShopClient client) =>
        Grains.Hosting.Sessions.SessionTokens.ReadUserUnchecked(client.Token) ?? throw new InvalidOperationException("The client has no token.");
}
