using System.Net;
using Grains.Gateway.Operators;

namespace Grains.Gateway.Tests.Operators;

public sealed class MembershipTimelineTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly SiloAddress s_one = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress s_two = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    [Fact]
    public void A_fresh_gateway_starts_with_a_joined_event_per_live_silo()
    {
        var timeline = new MembershipTimeline(capacity: 10);

        timeline.Observe(Sample(0, [Host(s_one, "silo-1", SiloStatus.Active), Host(s_two, "silo-2", SiloStatus.Active)], null));

        Assert.Equal(["joined silo-1", "joined silo-2"], timeline.Events.Select(e => $"{e.Kind} {e.Silo}"));
        Assert.All(timeline.Events, e => Assert.Null(e.GrainsMoved));
    }

    [Fact]
    public void A_crash_is_declared_dead_and_counts_its_grains_as_they_reappear_elsewhere()
    {
        var timeline = new MembershipTimeline(capacity: 10);
        var alice = GrainId.Create("cart", "alice");
        var bob = GrainId.Create("cart", "bob");
        timeline.Observe(Sample(0, [Host(s_one, "silo-1", SiloStatus.Active), Host(s_two, "silo-2", SiloStatus.Active)], (alice, s_one), (bob, s_one)));

        timeline.Observe(Sample(1, [Host(s_one, "silo-1", SiloStatus.Dead), Host(s_two, "silo-2", SiloStatus.Active)], []));
        var death = timeline.Events[^1];
        Assert.Equal(("declaredDead", "silo-1", 0), (death.Kind, death.Silo, death.GrainsMoved));

        timeline.Observe(Sample(2, [Host(s_one, "silo-1", SiloStatus.Dead), Host(s_two, "silo-2", SiloStatus.Active)], (alice, s_two)));
        timeline.Observe(Sample(3, [Host(s_one, "silo-1", SiloStatus.Dead), Host(s_two, "silo-2", SiloStatus.Active)], (alice, s_two), (bob, s_two)));

        Assert.Equal(2, timeline.Events[^1].GrainsMoved);
    }

    [Fact]
    public void Looks_that_fail_until_the_death_is_declared_keep_the_grains_of_the_last_look_that_succeeded()
    {
        var timeline = new MembershipTimeline(capacity: 10);
        var alice = GrainId.Create("cart", "alice");
        timeline.Observe(Sample(0, [Host(s_one, "silo-1", SiloStatus.Active), Host(s_two, "silo-2", SiloStatus.Active)], (alice, s_one)));

        // silo-1 is killed: every listing fails until it is declared dead, well past a second or ten.
        for (var second = 5; second <= 40; second += 5)
        {
            timeline.LookFailed(s_start.AddSeconds(second));
        }

        timeline.Observe(Sample(42, [Host(s_one, "silo-1", SiloStatus.Dead), Host(s_two, "silo-2", SiloStatus.Active)], (alice, s_two)));

        Assert.Equal(("declaredDead", 1), (timeline.Events[^1].Kind, timeline.Events[^1].GrainsMoved));
    }

    [Fact]
    public void Grains_seen_before_a_gap_in_the_looks_are_not_counted_as_moved()
    {
        var timeline = new MembershipTimeline(capacity: 10);
        var alice = GrainId.Create("cart", "alice");
        timeline.Observe(Sample(0, [Host(s_one, "silo-1", SiloStatus.Active), Host(s_two, "silo-2", SiloStatus.Active)], (alice, s_one)));

        // Nobody watched for a while (membership reads only), then the look fails again as silo-1 dies.
        timeline.Observe(Sample(60, [Host(s_one, "silo-1", SiloStatus.Active), Host(s_two, "silo-2", SiloStatus.Active)], null));
        timeline.LookFailed(s_start.AddSeconds(120));
        timeline.Observe(Sample(121, [Host(s_one, "silo-1", SiloStatus.Dead), Host(s_two, "silo-2", SiloStatus.Active)], (alice, s_two)));

        Assert.Equal(("declaredDead", (int?)null), (timeline.Events[^1].Kind, timeline.Events[^1].GrainsMoved));
    }

    [Fact]
    public void A_silo_that_shuts_down_first_has_left()
    {
        var timeline = new MembershipTimeline(capacity: 10);
        timeline.Observe(Sample(0, [Host(s_one, "silo-1", SiloStatus.Active)], null));

        timeline.Observe(Sample(1, [Host(s_one, "silo-1", SiloStatus.ShuttingDown)], null));
        timeline.Observe(Sample(2, [Host(s_one, "silo-1", SiloStatus.Dead)], null));

        Assert.Equal(["joined", "shuttingDown", "left"], timeline.Events.Select(e => e.Kind));
        Assert.Null(timeline.Events[^1].GrainsMoved);
    }

    [Fact]
    public void The_ring_keeps_only_the_newest_events()
    {
        var timeline = new MembershipTimeline(capacity: 2);
        timeline.Observe(Sample(0, [], null));

        timeline.Observe(Sample(1, [Host(s_one, "silo-1", SiloStatus.Active)], null));
        timeline.Observe(Sample(2, [Host(s_one, "silo-1", SiloStatus.Active), Host(s_two, "silo-2", SiloStatus.Active)], null));
        timeline.Observe(Sample(3, [Host(s_one, "silo-1", SiloStatus.Dead), Host(s_two, "silo-2", SiloStatus.Active)], null));

        Assert.Equal(["joined silo-2", "declaredDead silo-1"], timeline.Events.Select(e => $"{e.Kind} {e.Silo}"));
    }

    private static MembershipEntry Host(SiloAddress address, string name, SiloStatus status) => new()
    {
        SiloAddress = address,
        SiloName = name,
        Status = status,
        StartTime = s_start.UtcDateTime,
        IAmAliveTime = s_start.UtcDateTime,
    };

    /// <summary>A read of the membership at <paramref name="second"/>; with <paramref name="grains"/> (even none), a look at the grains too.</summary>
    private static ClusterSample Sample(int second, MembershipEntry[] hosts, params (GrainId Grain, SiloAddress Silo)[]? grains) =>
        new(s_start.AddSeconds(second), hosts, [.. (grains ?? []).Select(g => new DetailedGrainStatistic { GrainId = g.Grain, SiloAddress = g.Silo, GrainType = "Grains.Shop.Carts.CartGrain" })], grains is not null);
}
