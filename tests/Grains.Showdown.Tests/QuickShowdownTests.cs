using System.Text.Json;

namespace Grains.Showdown.Tests;

/// <summary>
/// The showdown's short mode, as its command runs it (<c>--quick --out DIR</c>): real redis-server, API servers,
/// proxies, silos and the gateway as processes, a kill -9 in each architecture. Asserts what the run found and the
/// shape of what it wrote, never a timing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QuickShowdownTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("grains-showdown-");

    [Fact]
    public async Task Quick_run_writes_the_report_chart_and_figures_and_only_the_in_memory_servers_lose_users_to_a_kill()
    {
        var exitCode = await ShowdownCommand.Create().Parse(["--quick", "--out", _output.FullName]).InvokeAsync();

        Assert.Equal(0, exitCode);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_output.FullName, "showdown.md"));
        var svg = await File.ReadAllTextAsync(Path.Combine(_output.FullName, "showdown.svg"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output.FullName, "showdown.json")));
        var root = json.RootElement;
        Assert.Equal(["architectures", "machine", "date", "command", "loadAverageAtStart", "loadAverageAtEnd"], Names(root));
        Assert.Equal("dotnet run -c Release --project bench/Grains.Showdown --quick --out " + _output.FullName, root.GetProperty("command").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("machine").GetString()));
        Assert.Contains(root.GetProperty("date").GetString()!, markdown, StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("machine").GetString()!, markdown, StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("loadAverageAtStart").GetString()!, markdown, StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("loadAverageAtEnd").GetString()!, markdown, StringComparison.Ordinal);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);

        var architectures = root.GetProperty("architectures").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal(["stateful", "stateless", "orleans", "orleans-client"], architectures.Keys);
        var offered = architectures["stateless"].GetProperty("fixedRate").GetProperty("offeredRps").GetDouble();
        Assert.True(offered > 0, "the fixed rate is set from the stateless architecture's throughput");
        foreach (var (name, architecture) in architectures)
        {
            Assert.Equal(["name", "read", "write", "cpuMsPerRequest", "storeOpsPerRequest", "kill", "fixedRate", "networkRoundTrips", "sharedCart", "largeCarts", "cpuUsByProcess"], Names(architecture));
            AssertServed(name, "saturation read", architecture.GetProperty("read"));
            AssertServed(name, "saturation write", architecture.GetProperty("write"));
            AssertServed(name, "large cart read", architecture.GetProperty("largeCarts"));

            var fixedRate = architecture.GetProperty("fixedRate");
            Assert.Equal(["offeredRps", "read", "write"], Names(fixedRate));
            Assert.Equal(offered, fixedRate.GetProperty("offeredRps").GetDouble());
            AssertServed(name, "fixed-rate read", fixedRate.GetProperty("read"));
            AssertServed(name, "fixed-rate write", fixedRate.GetProperty("write"));

            var trips = architecture.GetProperty("networkRoundTrips");
            Assert.True(trips.GetProperty("read").GetDouble() >= 1 && trips.GetProperty("write").GetDouble() >= trips.GetProperty("read").GetDouble(), $"{name} round trips");
            Assert.Equal(trips.GetProperty("read").GetDouble() * 1.0, trips.GetProperty("readMsAt1").GetDouble(), 3);

            var shared = architecture.GetProperty("sharedCart");
            Assert.Equal(16, shared.GetProperty("writers").GetInt32());
            Assert.True(shared.GetProperty("rps").GetDouble() > 0, $"{name} took adds to the shared cart");

            Assert.True(architecture.GetProperty("cpuMsPerRequest").GetDouble() > 0, $"{name} used CPU");
            var byProcess = architecture.GetProperty("cpuUsByProcess");
            Assert.Equal(["read", "write"], Names(byProcess));
            foreach (var phase in new[] { "read", "write" })
            {
                // The proxy (the gateway for Orleans) and Redis are measured in every architecture.
                var kinds = Names(byProcess.GetProperty(phase));
                Assert.Contains("redis-server", kinds);
                Assert.Contains(name == "orleans" ? "gateway" : "proxy", kinds);
                Assert.True(byProcess.GetProperty(phase).EnumerateObject().Sum(p => p.Value.GetDouble()) > 0, $"{name} used CPU in its {phase} phases");
            }

            var kill = architecture.GetProperty("kill");
            Assert.Equal(["failedRequests", "sessionsLost", "cartLinesLost", "recoverySeconds"], Names(kill));
            Assert.True(kill.GetProperty("failedRequests").GetInt32() >= 0);
            Assert.True(kill.GetProperty("recoverySeconds").ValueKind == JsonValueKind.Null || kill.GetProperty("recoverySeconds").GetDouble() >= 0);
        }

        // Only the stateless servers and Orleans use the store; the in-memory servers never touch it.
        Assert.Equal(0, architectures["stateful"].GetProperty("storeOpsPerRequest").GetDouble());
        Assert.True(architectures["stateless"].GetProperty("storeOpsPerRequest").GetDouble() >= 2, "a stateless request reads the session and the cart from Redis");
        Assert.True(architectures["orleans"].GetProperty("storeOpsPerRequest").GetDouble() > 0, "Orleans writes through to Redis");
        Assert.True(architectures["orleans-client"].GetProperty("storeOpsPerRequest").GetDouble() > 0, "Orleans writes through to Redis");

        // Only the stateless servers retry a compare-and-set; the others take one change of a cart at a time.
        Assert.Equal(JsonValueKind.Number, architectures["stateless"].GetProperty("sharedCart").GetProperty("retries").ValueKind);
        Assert.Equal(JsonValueKind.Null, architectures["orleans"].GetProperty("sharedCart").GetProperty("retries").ValueKind);

        // The kill: the killed in-memory server took its users' sessions and carts with it; nothing else lost anything.
        Assert.True(Kill(architectures["stateful"], "sessionsLost") > 0, "the stateful architecture lost the killed server's sessions");
        Assert.True(Kill(architectures["stateful"], "cartLinesLost") > 0, "the stateful architecture lost the killed server's cart lines");
        foreach (var name in new[] { "stateless", "orleans", "orleans-client" })
        {
            Assert.Equal(0, Kill(architectures[name], "sessionsLost"));
            Assert.Equal(0, Kill(architectures[name], "cartLinesLost"));
        }
    }

    private static void AssertServed(string architecture, string what, JsonElement figures)
    {
        Assert.Equal(["rps", "p50Ms", "p95Ms", "p99Ms"], Names(figures));
        Assert.True(figures.GetProperty("rps").GetDouble() > 0, $"{architecture} served {what}s");
        Assert.True(
            figures.GetProperty("p50Ms").GetDouble() > 0
            && figures.GetProperty("p50Ms").GetDouble() <= figures.GetProperty("p95Ms").GetDouble()
            && figures.GetProperty("p95Ms").GetDouble() <= figures.GetProperty("p99Ms").GetDouble(),
            $"{architecture} {what} percentiles are ordered");
    }

    public void Dispose() => _output.Delete(recursive: true);

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static int Kill(JsonElement architecture, string figure) => architecture.GetProperty("kill").GetProperty(figure).GetInt32();
}
