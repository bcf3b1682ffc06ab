using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Hosting.Cluster;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>
/// A silo process flooded with requests straight at its HTTP port (no gateway in front to shed for it): it sheds what
/// it cannot serve with a fast 503, stays a member, keeps its lease, and serves as before once the flood stops.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class SaturationTests(SaturatedSiloCluster cluster) : IClassFixture<SaturatedSiloCluster>
{
    private const int Senders = 256;
    private static readonly TimeSpan s_flood = TimeSpan.FromSeconds(15);
    private static readonly string[] s_lapseLines = ["lease had run out", "Could not renew the silo's lease"];

    [Fact]
    public async Task A_flooded_silo_sheds_with_503_and_is_neither_declared_dead_nor_fenced_and_serves_after()
    {
        var target = (await cluster.View.SilosAsync()).Single(s => s.Name == "silo-1").Http!.Url;
        var lapses = new ConcurrentQueue<string>();
        foreach (var name in cluster.SiloNames)
        {
            cluster.SiloProcess(name).LineWritten += line =>
            {
                if (s_lapseLines.Any(l => line.Contains(l, StringComparison.Ordinal)))
                {
                    lapses.Enqueue($"{name}: {line}");
                }
            };
        }

        using var signIn = cluster.Gateway.CreateShopClient();
        var token = (await signIn.SignInAsync("flooded-user")).GetProperty("token").GetString()!;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        HttpResponseMessage? firstShed = null;
        var deaths = new List<string>();
        using var stop = new CancellationTokenSource(s_flood);
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                HttpResponseMessage response;
                try
                {
                    response = await http.GetAsync(new Uri("/api/cart", UriKind.Relative));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
                    continue;
                }

                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && Interlocked.CompareExchange(ref firstShed, response, null) is null)
                {
                    continue; // kept, undisposed, for the assertions below
                }

                response.Dispose();
            }
        })).ToList();

        // The membership table, read from outside while the flood runs: no silo may be declared dead.
        while (!stop.IsCancellationRequested)
        {
            var rows = await cluster.View.SilosAsync();
            deaths.AddRange(rows.Where(r => r.Status == MembershipStatus.Dead).Select(r => r.Name));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        await Task.WhenAll(senders);

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 0, $"Nothing was served during the flood: {Describe(statuses)}");
        Assert.NotNull(firstShed);
        using (firstShed)
        {
            await Problems.AssertProblemAsync(firstShed, HttpStatusCode.ServiceUnavailable);
            Assert.True(firstShed.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        }

        Assert.Empty(deaths);
        Assert.Empty(lapses);
        Assert.Equal(
            [MembershipStatus.Active, MembershipStatus.Active],
            (await cluster.View.SilosAsync()).Where(r => cluster.SiloNames.Contains(r.Name)).Select(r => r.Status).ToList());

        // Once the flood stops, the silo serves every request again.
        for (var i = 0; i < 20; i++)
        {
            using var after = await http.GetAsync(new Uri("/api/cart", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
    }

    private static string Describe(IReadOnlyDictionary<HttpStatusCode, int> statuses) =>
        string.Join(", ", statuses.Select(s => $"{(int)s.Key}: {s.Value}"));
}
