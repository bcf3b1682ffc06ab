extern alias silo;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;
using silo::Grains.Silo.Dashboard;

namespace Grains.Gateway.Tests.Operators;

/// <summary>
/// What the operator tools cost a cluster nobody watches (real gateway processes, in-process silos): the silos feed the
/// Orleans dashboard's counters, grain-method profiles and statistics only while an operator watches it, and an
/// unwatched gateway makes no management call while the cluster is still.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UnwatchedCostTests(OperatorCluster cluster) : IClassFixture<OperatorCluster>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Silos_feed_the_dashboards_counters_profiles_and_statistics_only_while_an_operator_watches()
    {
        Assert.All(cluster.SiloNames, name => Assert.False(Switch(name).IsFeeding, $"{name} fed the counters before anyone looked."));
        using var client = cluster.Guarded.CreateOperatorClient();
        var silo = cluster.SiloNames[0];
        var statistics = new Uri($"/dashboard/HistoricalStats/{cluster.SiloService<ILocalSiloDetails>(silo).SiloAddress.ToParsableString()}", UriKind.Relative);

        // The first look: the silo sampled nothing while nobody watched, so its history is gaps up to the look. The
        // look is itself the signal, which may reach the silo in time for a sample before the history is read.
        var firstLook = DateTimeOffset.UtcNow;
        var unwatched = (await client.GetFromJsonAsync<JsonElement>(statistics)).EnumerateArray().ToList();
        Assert.Contains(unwatched, sample => sample.ValueKind == JsonValueKind.Null);
        Assert.All(
            unwatched.Where(sample => sample.ValueKind != JsonValueKind.Null),
            sample => Assert.True(sample.GetProperty("dateTime").GetDateTimeOffset() >= firstLook, $"A sample predates the first look ({firstLook:O}): {sample}"));

        await Poll.UntilAsync(() => Task.FromResult(cluster.SiloNames.All(name => Switch(name).IsFeeding)), s_timeout, "every silo to feed the counters of a watched dashboard");
        await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>(statistics)).EnumerateArray().Any(sample => sample.ValueKind == JsonValueKind.Object),
            s_timeout,
            $"{silo} to sample its statistics once watched");

        // Its grain-method profiler, stopped until someone looked, sends what it profiles once watched: shop calls show
        // up among the dashboard's top grain methods. Emptying the cart calls its grain (a read is answered from the
        // copy the grain publishes in its silo, with no call).
        using var shop = new ShopClient(cluster.Guarded.CreateClient());
        await shop.SignInAsync($"profiled-{Guid.NewGuid():N}"[..24]);
        await Poll.UntilAsync(
            async () =>
            {
                using var emptied = await shop.DeleteAsync("/api/cart");
                var top = await client.GetFromJsonAsync<JsonElement>(new Uri("/dashboard/TopGrainMethods", UriKind.Relative));
                return top.GetProperty("calls").EnumerateArray().Any(
                    call => call.GetProperty("grain").GetString()?.Contains("CartGrain", StringComparison.Ordinal) == true);
            },
            s_timeout,
            "the cart grain's methods to show among the dashboard's top grain methods");
        await Poll.UntilAsync(
            () => Task.FromResult(cluster.SiloNames.All(name => !Switch(name).IsFeeding)),
            s_timeout,
            $"every silo to stop feeding the counters {OperatorCluster.CountersIdleTimeout.TotalSeconds} s after the last look");
    }

    [Fact]
    public async Task The_placement_view_alone_does_not_wake_the_counters()
    {
        using var client = cluster.Guarded.CreateOperatorClient();
        using var response = await client.GetAsync(new Uri("/api/cluster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The placement view reads the cluster itself; the Orleans dashboard's counters are of no use to it.
        using var frame = await client.GetAsync(new Uri("/dashboard/placement", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(cluster.SiloNames, name => Assert.False(Switch(name).IsFeeding, $"{name} fed the counters for the placement view."));
    }

    [Fact]
    public async Task An_unwatched_gateway_makes_no_management_call_while_the_cluster_is_still()
    {
        // Nothing else looks through this gateway; a scrape of /metrics does not count as watching.
        using var client = cluster.PlacementOnly.CreateOperatorClient();
        long calls = -1;
        await Poll.UntilAsync(
            async () =>
            {
                var before = await ManagementCallsAsync(client);
                await Task.Delay(TimeSpan.FromSeconds(5));
                calls = await ManagementCallsAsync(client);
                return calls == before;
            },
            TimeSpan.FromSeconds(150),
            "the gateway to stop reading the cluster once its silos have joined");

        // Longer than any period at which an idle gateway once polled the membership (10 s).
        await Task.Delay(TimeSpan.FromSeconds(15));

        Assert.Equal(calls, await ManagementCallsAsync(client));
    }

    private static async Task<long> ManagementCallsAsync(HttpClient client)
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("grains_gateway_management_calls", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private DashboardCountersSwitch Switch(string name) => cluster.SiloService<DashboardCountersSwitch>(name);
}
