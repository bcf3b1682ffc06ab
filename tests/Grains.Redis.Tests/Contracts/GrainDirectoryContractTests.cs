using Grains.Runtime;
using Grains.Runtime.Directory;

namespace Grains.Redis.Tests;

/// <summary>What every <see cref="IGrainDirectory"/> must do; one subclass per implementation.</summary>
public abstract class GrainDirectoryContractTests : ClusterStoresTestBase
{
    private static readonly GrainId s_grain = new("cart", "alice:{42}/x|y");

    [Fact]
    public async Task Registering_a_free_grain_wins_and_can_be_looked_up()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        var location = new GrainLocation(s_grain, silo, "activation-1");

        Assert.Null(await cluster.Directory.LookupAsync(s_grain, default));
        Assert.Equal(location, await cluster.Directory.RegisterAsync(location, default));

        Assert.Equal(location, await cluster.Directory.LookupAsync(s_grain, default));
    }

    [Fact]
    public async Task A_second_registrant_gets_the_existing_entry_while_its_owner_lives()
    {
        var cluster = await NewClusterAsync();
        var owner = new GrainLocation(s_grain, await JoinNewSiloAsync(cluster), "activation-1");
        var rival = new GrainLocation(s_grain, await JoinNewSiloAsync(cluster), "activation-2");
        await cluster.Directory.RegisterAsync(owner, default);

        Assert.Equal(owner, await cluster.Directory.RegisterAsync(rival, default));

        Assert.Equal(owner, await cluster.Directory.LookupAsync(s_grain, default));
    }

    [Fact]
    public async Task A_new_registrant_takes_over_once_the_owner_is_declared_dead()
    {
        var cluster = await NewClusterAsync();
        var owner = new GrainLocation(s_grain, await JoinNewSiloAsync(cluster), "activation-1");
        var successor = new GrainLocation(s_grain, await JoinNewSiloAsync(cluster), "activation-2");
        await cluster.Directory.RegisterAsync(owner, default);

        await cluster.Membership.TryDeclareDeadAsync(owner.Silo, ifSilentFor: null, default);

        Assert.Equal(successor, await cluster.Directory.RegisterAsync(successor, default));
        Assert.Equal(successor, await cluster.Directory.LookupAsync(s_grain, default));
    }

    [Fact]
    public async Task Registration_by_a_dead_or_unknown_silo_is_refused()
    {
        var cluster = await NewClusterAsync();
        var dead = await JoinNewSiloAsync(cluster);
        await cluster.Membership.TryDeclareDeadAsync(dead, ifSilentFor: null, default);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => cluster.Directory.RegisterAsync(new GrainLocation(s_grain, dead, "activation-1"), default));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => cluster.Directory.RegisterAsync(new GrainLocation(s_grain, NewSilo(), "activation-2"), default));

        Assert.Null(await cluster.Directory.LookupAsync(s_grain, default));
    }

    [Fact]
    public async Task Unregister_removes_the_entry_only_when_it_matches_exactly()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        var location = new GrainLocation(s_grain, silo, "activation-1");
        await cluster.Directory.RegisterAsync(location, default);

        Assert.False(await cluster.Directory.UnregisterAsync(location with { ActivationId = "activation-2" }, default));
        Assert.False(await cluster.Directory.UnregisterAsync(location with { Silo = NewSilo() }, default));
        Assert.False(await cluster.Directory.UnregisterAsync(location with { Grain = new GrainId("cart", "bob") }, default));
        Assert.Equal(location, await cluster.Directory.LookupAsync(s_grain, default));

        Assert.True(await cluster.Directory.UnregisterAsync(location, default));
        Assert.Null(await cluster.Directory.LookupAsync(s_grain, default));
        Assert.False(await cluster.Directory.UnregisterAsync(location, default));
    }

    [Fact]
    public async Task List_returns_every_entry()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        GrainLocation[] locations =
        [
            new(new GrainId("cart", "a"), silo, "activation-1"),
            new(new GrainId("cart", "b"), silo, "activation-2"),
            new(new GrainId("order", "a"), silo, "activation-3"),
        ];
        foreach (var location in locations)
        {
            await cluster.Directory.RegisterAsync(location, default);
        }

        var listed = await cluster.Directory.ListAsync(default);

        Assert.Equal(locations.OrderBy(l => l.ActivationId), listed.OrderBy(l => l.ActivationId));
    }

    [Fact]
    public async Task Clusters_with_different_ids_do_not_see_each_other_s_entries()
    {
        var one = await NewClusterAsync();
        var other = await NewClusterAsync();
        var location = new GrainLocation(s_grain, await JoinNewSiloAsync(one), "activation-1");
        await one.Directory.RegisterAsync(location, default);

        Assert.Null(await other.Directory.LookupAsync(s_grain, default));
        Assert.Empty(await other.Directory.ListAsync(default));
        var rival = new GrainLocation(s_grain, await JoinNewSiloAsync(other), "activation-2");
        Assert.Equal(rival, await other.Directory.RegisterAsync(rival, default));
        Assert.Equal(location, await one.Directory.LookupAsync(s_grain, default));
    }
}
