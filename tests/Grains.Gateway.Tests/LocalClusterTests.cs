using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>
/// The README's command that runs the whole system, <c>Grains.LocalCluster</c>, run as a process: it starts the store,
/// the silos and the gateway, serves a signed-in user, and Ctrl-C (SIGINT) stops every process it started.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(Infrastructure.ChaosCollection.Name)]
public sealed partial class LocalClusterTests
{
    private const int Silos = 2;

    [Fact]
    public async Task It_serves_the_shop_and_Ctrl_C_leaves_no_process_behind()
    {
        var siloPort = ConsecutiveFreePorts(Silos);
        var siloGatewayPort = ConsecutiveFreePorts(Silos, avoid: siloPort);
        var gatewayPort = FreePort.Next();
        var redisPort = FreePort.Next();
        var children = new List<int>();
        await using var localCluster = ProjectProcess.Start("local-cluster", RepositoryPaths.BuiltAssembly("Grains.LocalCluster"),
        [
            "--silos", Silos.ToString(CultureInfo.InvariantCulture),
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--silo-gateway-port", siloGatewayPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--redis-port", redisPort.ToString(CultureInfo.InvariantCulture),
            "--cluster-id", ClusterIds.Next(),
        ]);
        try
        {
            await Poll.UntilAsync(
                () => localCluster.HasExited || localCluster.RecentOutput.Contains("Press Ctrl-C", StringComparison.Ordinal),
                TimeSpan.FromMinutes(2),
                "the local cluster to report that it is up");
            Assert.False(localCluster.HasExited, localCluster.RecentOutput);
            children.AddRange(PidPattern().Matches(localCluster.RecentOutput).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            Assert.Equal(Silos + 2, children.Distinct().Count()); // the store, the silos and the gateway
            Assert.All(children, pid => Assert.True(IsRunning(pid), $"pid {pid} runs"));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}") };
            using var created = await http.PostAsJsonAsync("/api/sessions", new { userId = "local-alice" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var token = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cart");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var cart = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
            Assert.StartsWith("silo-", cart.Headers.GetValues("X-Silo").Single(), StringComparison.Ordinal);

            // Ctrl-C is SIGINT. Where this test runs with SIGINT ignored (started in the background by a shell without job
            // control), the local cluster inherits that, so it gets SIGTERM instead, which the host stops on the same way.
            var signal = Signals.IsIgnoredHere(Signals.SigInt) ? Signals.SigTerm : Signals.SigInt;
            Signals.Send(localCluster.Id, signal);

            Assert.True(await localCluster.WaitForExitAsync(TimeSpan.FromSeconds(90)), $"the local cluster exits after signal {signal}");
            Assert.Equal(0, localCluster.ExitCode);
            Assert.DoesNotContain(children, IsRunning);
        }
        finally
        {
            // Whatever failed above, no child outlives the test.
            foreach (var pid in children.Where(IsRunning))
            {
                Signals.Send(pid, Signals.SigKill);
            }
        }
    }

    /// <summary>A running (not zombie) process with this id whose command line is one this test started.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return state != "Z" && (commandLine.Contains("Grains.", StringComparison.Ordinal) || commandLine.Contains("redis", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The first of <paramref name="count"/> consecutive loopback ports that nobody listens on right now.</summary>
    private static int ConsecutiveFreePorts(int count, int avoid = 0)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = FreePort.Next();
            if (first + count > 65535 || (avoid != 0 && Math.Abs(first - avoid) < count))
            {
                continue;
            }

            if (Enumerable.Range(first + 1, count - 1).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\(pid (\d+)")]
    private static partial Regex PidPattern();
}
