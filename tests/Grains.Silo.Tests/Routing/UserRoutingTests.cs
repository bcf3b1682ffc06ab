using System.Globalization;
using Grains.Hosting.Routing;

namespace Grains.Silo.Tests.Routing;

public sealed class UserRoutingTests
{
    private static readonly string[] s_three = ["10.0.0.1:11111", "10.0.0.2:11111", "10.0.0.3:11111"];

    private static IEnumerable<string> Users(int count) => Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"user-{i}"));

    [Fact]
    public void The_same_user_and_silos_always_give_the_same_silo_whatever_their_order()
    {
        foreach (var user in Users(200))
        {
            var silo = s_three[UserRouting.Pick(user, s_three)];
            string[] reversed = [.. s_three.Reverse()];

            Assert.Equal(silo, reversed[UserRouting.Pick(user, reversed)]);
            Assert.Equal(silo, s_three[UserRouting.Pick(user, s_three)]);
        }
    }

    [Fact]
    public void Users_spread_evenly_over_the_silos()
    {
        var counts = Users(3000).GroupBy(u => UserRouting.Pick(u, s_three)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void A_silo_that_joins_takes_only_users_it_now_ranks_first_and_takes_about_its_share()
    {
        string[] four = [.. s_three, "10.0.0.4:11111"];
        var moved = 0;
        foreach (var user in Users(3000))
        {
            var before = s_three[UserRouting.Pick(user, s_three)];
            var after = four[UserRouting.Pick(user, four)];
            if (before != after)
            {
                Assert.Equal("10.0.0.4:11111", after);
                moved++;
            }
        }

        Assert.InRange(moved, 600, 900);
    }

    [Fact]
    public void When_a_silo_leaves_its_users_go_to_their_second_choice_and_no_one_else_moves()
    {
        string[] two = ["10.0.0.1:11111", "10.0.0.3:11111"];
        foreach (var user in Users(1000))
        {
            var rank = UserRouting.Rank(user, s_three);
            var after = two[UserRouting.Pick(user, two)];
            var first = s_three[rank[0]];

            Assert.Equal(first == "10.0.0.2:11111" ? s_three[rank[1]] : first, after);
        }
    }

    [Fact]
    public void The_rank_starts_with_the_pick_and_holds_every_silo_once()
    {
        foreach (var user in Users(300))
        {
            var rank = UserRouting.Rank(user, s_three);

            Assert.Equal(UserRouting.Pick(user, s_three), rank[0]);
            Assert.Equal([0, 1, 2], rank.Order());
        }
    }

    [Fact]
    public void A_silo_key_is_its_endpoint_without_a_generation()
    {
        Assert.Equal("127.0.0.1:11111", UserRouting.SiloKey(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 11111)));
        Assert.Equal(-1, UserRouting.Pick("alice", []));
    }

    [Fact]
    public void Scores_are_fixed_values_so_that_every_process_and_run_agrees()
    {
        // The function is part of the cluster's contract: gateways and silos of different builds must agree on it.
        Assert.Equal(UserRouting.Score("alice", "127.0.0.1:11111"), UserRouting.Score("alice", "127.0.0.1:11111"));
        Assert.NotEqual(UserRouting.Score("alice", "127.0.0.1:11111"), UserRouting.Score("alice", "127.0.0.1:11112"));
        Assert.NotEqual(UserRouting.Score("alice", "127.0.0.1:11111"), UserRouting.Score("alicf", "127.0.0.1:11111"));
    }
}
