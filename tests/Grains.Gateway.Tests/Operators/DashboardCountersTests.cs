extern alias silo;

using System.Net;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;
using silo::Grains.Silo.Dashboard;

namespace Grains.Gateway.Tests.Operators;

/// <summary>
/// The silos feed the Orleans dashboard's counters only while an operator watches it through a gateway (a real gateway
/// process, in-process silos): not after they start, from the first request to the dashboard, and no longer once
/// nobody has looked for the idle timeout.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DashboardCountersTests(OperatorCluster cluster) : IClassFixture<OperatorCluster>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Silos_feed_the_dashboards_counters_only_while_an_operator_watches()
    {
        Assert.All(cluster.SiloNames, name => Assert.False(Switch(name).IsFeeding, $"{name} fed the counters before anyone looked."));

        using var client = cluster.Guarded.CreateClient();
        client.DefaultRequestHeaders.Authorization = OperatorCredentials.Operator;
        using var response = await client.GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Poll.UntilAsync(() => Task.FromResult(cluster.SiloNames.All(name => Switch(name).IsFeeding)), s_timeout, "every silo to feed the counters of a watched dashboard");
        await Poll.UntilAsync(
            () => Task.FromResult(cluster.SiloNames.All(name => !Switch(name).IsFeeding)),
            s_timeout,
            $"every silo to stop feeding the counters {OperatorCluster.CountersIdleTimeout.TotalSeconds} s after the last look");
    }

    [Fact]
    public async Task The_placement_view_alone_does_not_wake_the_counters()
    {
        using var client = cluster.Guarded.CreateClient();
        client.DefaultRequestHeaders.Authorization = OperatorCredentials.Operator;
        using var response = await client.GetAsync(new Uri("/api/cluster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The placement view reads the cluster itself; the Orleans dashboard's counters are of no use to it.
        using var frame = await client.GetAsync(new Uri("/dashboard/placement", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(cluster.SiloNames, name => Assert.False(Switch(name).IsFeeding, $"{name} fed the counters for the placement view."));
    }

    private DashboardCountersSwitch Switch(string name) => cluster.SiloService<DashboardCountersSwitch>(name);
}
