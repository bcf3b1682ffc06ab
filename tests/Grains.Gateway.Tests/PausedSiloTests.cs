using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>
/// A silo paused with SIGSTOP keeps its sockets open, so HTTP requests sent to it wait there. When it runs again, its
/// users' grains live on another silo and the request may long since have been sent again and served there. The
/// resumed silo must not send it to those grains: by then the cart may have forgotten its idempotency key, and would
/// apply it a second time.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class PausedSiloTests(PausedSiloCluster cluster) : IClassFixture<PausedSiloCluster>
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_resumed_silo_does_not_apply_a_request_that_waited_in_its_socket_after_it_was_served_elsewhere()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        string paused;
        using (var first = await client.AddItemAsync("TEA-001", 1, "first"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            paused = first.Headers.GetValues("X-Silo").Single();
        }

        var process = cluster.SiloProcess(paused);
        var survivor = cluster.SiloNames.Single(n => n != paused);
        var declaredForLapsedLease = false;
        cluster.SiloProcess(survivor).LineWritten += line => declaredForLapsedLease |= line.Contains("has not renewed its lease", StringComparison.Ordinal);
        using var direct = new HttpClient { BaseAddress = await cluster.View.SiloUrlAsync(paused), Timeout = s_deadline * 2 };
        process.Pause();
        await Poll.UntilAsync(() => ProcessStates.IsStopped(process.Id), s_deadline, $"every thread of {process} to stop on SIGSTOP");

        // Sent straight to the paused silo, as a proxy would have before it gave up on it: it waits in the socket.
        using var queuedRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/cart/items", UriKind.Relative))
        {
            Content = new StringContent("""{"sku":"COF-001","quantity":1}""", Encoding.UTF8, "application/json"),
        };
        queuedRequest.Headers.Add("Idempotency-Key", "queued");
        queuedRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        var queued = direct.SendAsync(queuedRequest);

        // The other silo takes the user over once the paused one is declared dead; the client sends the add again
        // there, then makes the cart forget its key.
        await Poll.UntilAsync(async () => !(await cluster.View.RoutableSiloNamesAsync()).Contains(paused), s_deadline, $"{paused} to be declared dead");
        await Poll.UntilAsync(async () => await ServedElsewhereAsync(client, paused), s_deadline, "the cart to be served by the other silo");
        using (var resent = await client.AddItemAsync("COF-001", 1, "queued"))
        {
            Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        }

        for (var i = 0; i <= PausedSiloCluster.RememberedKeys; i++)
        {
            using var later = await client.AddItemAsync("MUG-002", 1, $"later-{i}");
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }

        process.Resume();
        Assert.True(await process.WaitForExitAsync(s_deadline), $"the resumed {paused} did not exit by itself:{Environment.NewLine}{process.RecentOutput}");
        HttpStatusCode? queuedStatus = null;
        try
        {
            using var answer = await queued;
            queuedStatus = answer.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The silo exited without answering: the request did not run there, or the cart below would show it.
        }

        var cart = await client.GetCartAsync();
        var coffee = cart.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sku").GetString() == "COF-001");
        Assert.Equal(1, coffee.GetProperty("quantity").GetInt32());
        Assert.NotEqual(HttpStatusCode.OK, queuedStatus);

        // Declared dead as soon as its lease had surely run out (LapsedLeaseDetector), not after Orleans' missed probes.
        Assert.True(declaredForLapsedLease, $"{survivor} did not declare {paused} dead for its lapsed lease:{Environment.NewLine}{cluster.SiloProcess(survivor).RecentOutput}");
    }

    private static async Task<bool> ServedElsewhereAsync(ShopClient client, string paused)
    {
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await client.Http.GetAsync(new Uri("/api/cart", UriKind.Relative), attempt.Token);
            return response.StatusCode == HttpStatusCode.OK && response.Headers.GetValues("X-Silo").Single() != paused;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
