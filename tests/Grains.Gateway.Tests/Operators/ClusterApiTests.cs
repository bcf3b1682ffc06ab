using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests.Operators;

/// <summary>The operator's cluster API on a real gateway process: silos, events and where each user's grains live.</summary>
[Trait("Category", "Integration")]
public sealed class ClusterApiTests(OperatorCluster cluster) : IClassFixture<OperatorCluster>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_cluster_lists_every_silo_as_active_with_its_address_and_a_joined_event()
    {
        using var client = OperatorClient();

        var view = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/cluster", UriKind.Relative));

        var silos = view.GetProperty("silos").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "active").ToList();
        Assert.Equal(cluster.SiloNames.Order(StringComparer.Ordinal), silos.Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        foreach (var silo in silos)
        {
            Assert.StartsWith("127.0.0.1:", silo.GetProperty("address").GetString(), StringComparison.Ordinal);
            Assert.InRange(silo.GetProperty("startedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Equal(JsonValueKind.Object, silo.GetProperty("activations").ValueKind);
        }

        var joined = view.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "joined").Select(e => e.GetProperty("silo").GetString()!);
        Assert.Superset(cluster.SiloNames.ToHashSet(), joined.ToHashSet());
    }

    [Fact]
    public async Task A_users_cart_and_session_are_listed_together_on_the_silo_that_the_X_Silo_header_named()
    {
        var userId = $"placed-{Guid.NewGuid():N}";
        using var shop = new ShopClient(cluster.Guarded.CreateClient());
        await shop.SignInAsync(userId);
        using var added = await shop.AddItemAsync("TEA-001", 2);
        var servedBy = added.Headers.GetValues("X-Silo").Single();
        using var client = OperatorClient();

        // A read is shared by the requests of one interval (a second), so a grain activated just now shows up at the next.
        var grains = await PollAsync(
            client,
            $"/api/cluster/grains?userId={userId}",
            g => g.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToHashSet().IsSupersetOf(["cart", "session"]),
            "the user's cart and session to be listed");

        var cart = Assert.Single(grains.EnumerateArray(), g => g.GetProperty("type").GetString() == "cart");
        Assert.Equal(userId, cart.GetProperty("key").GetString());
        Assert.Equal(servedBy, cart.GetProperty("silo").GetString());
        var session = Assert.Single(grains.EnumerateArray(), g => g.GetProperty("type").GetString() == "session");
        Assert.StartsWith($"{userId}/", session.GetProperty("key").GetString(), StringComparison.Ordinal);

        // One user, one silo: the token check needs no remote call.
        Assert.Equal(servedBy, session.GetProperty("silo").GetString());

        var onThatSilo = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/cluster/grains?type=cart&silo={servedBy}", UriKind.Relative));
        Assert.Contains(onThatSilo.EnumerateArray(), g => g.GetProperty("key").GetString() == userId);
        var elsewhere = cluster.SiloNames.First(name => name != servedBy);
        var onAnother = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/cluster/grains?type=cart&silo={elsewhere}", UriKind.Relative));
        Assert.DoesNotContain(onAnother.EnumerateArray(), g => g.GetProperty("key").GetString() == userId);

        var view = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/cluster", UriKind.Relative));
        var silo = view.GetProperty("silos").EnumerateArray().Single(s => s.GetProperty("name").GetString() == servedBy && s.GetProperty("status").GetString() == "active");
        Assert.True(silo.GetProperty("activations").GetProperty("cart").GetInt32() >= 1);
    }

    [Fact]
    public async Task The_cluster_api_shows_ids_and_counts_but_no_cart_contents_or_tokens()
    {
        var userId = $"private-{Guid.NewGuid():N}";
        using var shop = new ShopClient(cluster.Guarded.CreateClient());
        await shop.SignInAsync(userId);
        (await shop.AddItemAsync("MUG-001", 3)).Dispose();
        using var client = OperatorClient();

        await PollAsync(client, $"/api/cluster/grains?userId={userId}", g => g.GetArrayLength() > 0, "the user's cart to be listed");
        var bodies = new[]
        {
            await client.GetStringAsync(new Uri("/api/cluster", UriKind.Relative)),
            await client.GetStringAsync(new Uri("/api/cluster/grains", UriKind.Relative)),
        };

        Assert.Contains(userId, bodies[1], StringComparison.Ordinal);
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain("MUG-001", body, StringComparison.Ordinal);
            Assert.DoesNotContain(shop.Token!, body, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("/api/cluster/grains?type=Cart!", "type")]
    [InlineData("/api/cluster/grains?silo=silo%201", "silo")]
    [InlineData("/api/cluster/grains?silo=", "silo")]
    [InlineData("/api/cluster/grains?userId=no%20spaces", "userId")]
    [InlineData("/api/cluster/grains?userId=", "userId")]
    public async Task A_bad_query_value_gets_400_naming_it(string path, string field)
    {
        using var client = OperatorClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}");
    }

    [Fact]
    public async Task The_stream_sends_frames_of_the_cluster_and_its_grains()
    {
        var userId = $"streamed-{Guid.NewGuid():N}";
        using var shop = new ShopClient(cluster.Guarded.CreateClient());
        await shop.SignInAsync(userId);
        (await shop.AddItemAsync("TEA-001", 1)).Dispose();
        using var client = OperatorClient();
        using var response = await client.GetAsync(new Uri("/api/cluster/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var frames = new List<JsonElement>();
        using var deadline = new CancellationTokenSource(s_timeout);
        while (!HasCart(frames, userId) && await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                frames.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement);
            }
        }

        Assert.True(frames.Count >= 2, "a frame after the first one carries the cart activated just before");
        var last = frames[^1];
        Assert.Equal(cluster.SiloNames.Count, last.GetProperty("cluster").GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "active"));
        Assert.Contains(last.GetProperty("grains").EnumerateArray(), g => g.GetProperty("key").GetString() == userId && g.GetProperty("type").GetString() == "cart");
        Assert.False(last.GetProperty("sampled").GetBoolean());
        Assert.True(frames[1].GetProperty("at").GetDateTimeOffset() > frames[0].GetProperty("at").GetDateTimeOffset());
    }

    private static bool HasCart(List<JsonElement> frames, string userId) =>
        frames.Count > 1 && frames[^1].GetProperty("grains").EnumerateArray().Any(g => g.GetProperty("key").GetString() == userId);

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> condition, string whatWeAwait)
    {
        var result = default(JsonElement);
        await Poll.UntilAsync(
            async () =>
            {
                result = await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
                return condition(result);
            },
            s_timeout,
            whatWeAwait);
        return result;
    }

    private HttpClient OperatorClient() => cluster.Guarded.CreateOperatorClient();
}
