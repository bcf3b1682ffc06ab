using System.Net;
using Grains.Hosting.Redis;
using Grains.Silo.Fencing;
using Grains.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Grains.Silo.Tests.Fencing;

/// <summary>
/// The detector, alone against a real Redis and a recorded membership: a peer's lease mark that stops changing and
/// runs out gets the peer declared dead; a mark that never changed (as one Redis restores from its append-only file
/// after a restart, written before it) proves no renewal, so its running out declares nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LapsedLeaseDetectorTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan s_markLifetime = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    private readonly SiloAddress _local = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private readonly SiloAddress _peer = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 22222), 1);
    private readonly string _clusterId = ClusterIds.Next();

    [Fact]
    public async Task A_mark_that_never_changed_declares_nothing_and_one_that_stops_changing_declares_the_peer_dead()
    {
        await using var shared = new SharedRedis(SharedRedis.ParseConfiguration(redis.ConnectionString));
        var database = (await shared.GetAsync()).GetDatabase();
        var key = (RedisKey)$"{_clusterId}/lease/{_peer.ToParsableString()}";
        var membership = new OnePeerMembership(_local, _peer);
        var lease = new SiloLease(TimeProvider.System);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewAsync(lease, stopRenewing.Token);
        var lifecycle = new StartingLifecycle();
        new LapsedLeaseDetector(
            lease,
            membership,
            shared,
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = _clusterId }),
            new LocalSilo(_local),
            Options.Create(new FencingOptions()),
            TimeProvider.System,
            NullLogger<LapsedLeaseDetector>.Instance).Participate(lifecycle);
        await lifecycle.StartAsync();
        try
        {
            // A mark left from before a restart: seen, never changed, then gone.
            await database.StringSetAsync(key, 7, s_markLifetime);
            await Poll.UntilAsync(async () => !await database.KeyExistsAsync(key), s_deadline, "the old mark to expire");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Empty(membership.Killed);

            // A peer that renews for a while, then stops.
            for (var mark = 8; mark < 20; mark++)
            {
                await database.StringSetAsync(key, mark, s_markLifetime);
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            await Poll.UntilAsync(() => Task.FromResult(membership.Killed.Count > 0), s_deadline, "the peer to be declared dead");
            Assert.Equal([_peer], membership.Killed);
        }
        finally
        {
            await lifecycle.StopAsync();
            await stopRenewing.CancelAsync();
            await renewing;
        }
    }

    /// <summary>Keeps this silo's lease held, as its renewer would while Redis answers.</summary>
    private static async Task RenewAsync(SiloLease lease, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            lease.Renew(TimeProvider.System.GetTimestamp(), TimeSpan.FromSeconds(1));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed class LocalSilo(SiloAddress address) : ILocalSiloDetails
    {
        public string Name => "local";

        public string ClusterId => "test";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => address;

        public SiloAddress GatewayAddress => address;
    }
}
