using Grains.Runtime.Activation;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Runtime.Placement;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests;

/// <summary>Cluster behaviour under silo failures, written once and run on each store.</summary>
public abstract class MultiSiloTestsBase
{
    /// <summary>Registers the store for a fresh cluster; each call of a test shares one cluster id.</summary>
    protected abstract Action<IGrainsBuilder> CreateStore();

    [Fact]
    public async Task Killing_a_silo_moves_its_grains_to_survivors_with_their_last_written_state()
    {
        await using var cluster = await InProcessCluster.StartAsync(3, CreateStore());
        var grains = Enumerable.Range(0, 30).Select(i => cluster.Client.GetGrain<ICounterGrain>($"kill-{i}")).ToList();
        for (var i = 0; i < grains.Count; i++)
        {
            await grains[i].AddAsync(i);
            await grains[i].AddAsync(1);
        }

        var placement = new Dictionary<int, string>();
        for (var i = 0; i < grains.Count; i++)
        {
            placement[i] = await grains[i].WhereAsync();
        }

        var victim = placement.Values.GroupBy(n => n).OrderByDescending(g => g.Count()).First().Key;
        await cluster.KillSiloAsync(cluster.SiloNamed(victim));
        await cluster.WaitUntilDeclaredDeadAsync(cluster.SiloNamed(victim));

        for (var i = 0; i < grains.Count; i++)
        {
            Assert.Equal(i + 1, await grains[i].GetAsync());
            Assert.NotEqual(victim, await grains[i].WhereAsync());
        }

        Assert.Empty(cluster.Activations.FindOverlaps());
    }

    [Fact]
    public async Task A_gracefully_stopped_silo_hands_off_its_grains_without_a_failed_call()
    {
        await using var cluster = await InProcessCluster.StartAsync(3, CreateStore());
        var grains = Enumerable.Range(0, 20).Select(i => cluster.Client.GetGrain<ICounterGrain>($"handoff-{i}")).ToArray();
        var acknowledged = new int[grains.Length];
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();

        async Task WorkAsync(int worker)
        {
            for (var round = 0; round < 10_000 && !stop.IsCancellationRequested; round++)
            {
                var index = (worker + round) % grains.Length;
                try
                {
                    await grains[index].AddAsync(1);
                    Interlocked.Increment(ref acknowledged[index]);
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex);
                    }
                }
            }
        }

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() => WorkAsync(w))).ToList();
        await Poll.UntilAsync(() => acknowledged.Sum() > 200, TimeSpan.FromSeconds(30), "load to be running");
        var victim = cluster.Silos[0];
        await cluster.StopSiloAsync(victim);
        var afterStop = acknowledged.Sum();
        await Poll.UntilAsync(() => acknowledged.Sum() > afterStop + 200, TimeSpan.FromSeconds(30), "load to go on after the stop");
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(acknowledged[i], await grains[i].GetAsync());
            Assert.NotEqual(victim.Name, await grains[i].WhereAsync());
        }

        Assert.Empty(cluster.Activations.FindOverlaps());
    }

    [Fact]
    public async Task A_silo_declared_dead_while_still_running_stops_serving_and_its_grains_move()
    {
        await using var cluster = await InProcessCluster.StartAsync(2, CreateStore());
        var grains = Enumerable.Range(0, 20).Select(i => cluster.Client.GetGrain<ICounterGrain>($"zombie-{i}")).ToList();
        foreach (var grain in grains)
        {
            await grain.AddAsync(5);
        }

        // As if the silo had been paused past the death timeout: the cluster declares it dead while it still runs.
        var zombie = cluster.Silos[0];
        var table = cluster.ClientServices.GetRequiredService<IMembershipTable>();
        Assert.True(await table.TryDeclareDeadAsync(zombie.Silo.Address!, ifSilentFor: null, CancellationToken.None));

        await Poll.UntilAsync(() => zombie.Silo.IsDeclaredDead, TimeSpan.FromSeconds(10), "the zombie silo to learn it was declared dead");
        foreach (var grain in grains)
        {
            Assert.Equal(6, await grain.AddAsync(1));
            Assert.NotEqual(zombie.Name, await grain.WhereAsync());
        }

        Assert.Empty(cluster.Activations.FindOverlaps());
    }

    [Fact]
    public async Task Racing_first_calls_from_every_silo_create_a_single_activation_per_grain()
    {
        await using var cluster = await InProcessCluster.StartAsync(3, CreateStore());
        var factories = cluster.Silos.Select(s => s.Host.Services.GetRequiredService<IGrainFactory>()).Append(cluster.Client).ToList();
        var calls = new List<Task<int>>();
        for (var i = 0; i < 30; i++)
        {
            foreach (var factory in factories)
            {
                calls.Add(factory.GetGrain<ICounterGrain>($"race-{i}").AddAsync(1));
            }
        }

        await Task.WhenAll(calls);

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(factories.Count, await cluster.Client.GetGrain<ICounterGrain>($"race-{i}").GetAsync());
        }

        var activations = cluster.Activations.Events.Where(e => e.Kind == ActivationEventKind.Activated).GroupBy(e => e.Grain);
        Assert.All(activations, g => Assert.Single(g));
    }

    [Fact]
    public async Task Two_thousand_grains_of_a_crashed_silo_reactivate_at_once_without_a_lost_call()
    {
        await using var cluster = await InProcessCluster.StartAsync(2, CreateStore(), s => s.AddSingleton<IPlacementDirector, FirstSiloPlacement>());
        var grains = Enumerable.Range(0, 2000).Select(i => cluster.Client.GetGrain<ICounterGrain>($"storm-{i}")).ToList();
        await Task.WhenAll(grains.Select((g, i) => g.AddAsync(i)));
        var victim = cluster.SiloNamed(await grains[0].WhereAsync());

        await cluster.KillSiloAsync(victim);
        await cluster.WaitUntilDeclaredDeadAsync(victim);
        var values = await Task.WhenAll(grains.Select(g => g.GetAsync()));

        Assert.Equal(Enumerable.Range(0, 2000), values);
        Assert.Empty(cluster.Activations.FindOverlaps());
    }

    [Fact]
    public async Task Rows_of_long_dead_silos_are_removed_from_the_membership_table()
    {
        await using var cluster = await InProcessCluster.StartAsync(2, CreateStore(), s => s.Configure<MembershipOptions>(o => o.DefunctSiloExpiration = TimeSpan.FromMilliseconds(500)));
        var victim = cluster.Silos[0];
        await cluster.KillSiloAsync(victim);
        await cluster.WaitUntilDeclaredDeadAsync(victim);

        var table = cluster.ClientServices.GetRequiredService<IMembershipTable>();
        await Poll.UntilAsync(
            async () => (await table.ReadAllAsync(CancellationToken.None)).All(m => m.Silo != victim.Silo.Address),
            TimeSpan.FromSeconds(30),
            "the dead silo's row to be removed");
    }

    [Fact]
    public async Task A_new_silo_takes_new_activations()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, CreateStore());
        var added = await cluster.StartSiloAsync();
        await cluster.WaitForActiveSilosAsync(2);

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            names.Add(await cluster.Client.GetGrain<ICounterGrain>($"spread-{i}").WhereAsync());
        }

        Assert.Contains(added.Name, names);
        Assert.Equal(2, names.Count);
    }

    /// <summary>Puts every grain on one silo, so that a crash takes them all down together.</summary>
    private sealed class FirstSiloPlacement : IPlacementDirector
    {
        public SiloAddress SelectSilo(GrainId grain, IReadOnlyList<SiloAddress> candidates) => candidates[0];
    }
}
