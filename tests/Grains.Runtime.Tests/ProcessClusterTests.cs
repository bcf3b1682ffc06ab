using System.Diagnostics;
using System.Globalization;
using Grains.Redis;
using Grains.Runtime.Hosting;
using Grains.TestGrains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Grains.Runtime.Tests;

/// <summary>Real silo processes on a real Redis, killed and paused with real signals.</summary>
[Trait("Category", "Integration")]
public sealed class ProcessClusterTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly string _clusterId = ClusterIds.Next();
    private readonly List<ProjectProcess> _silos = [];
    private IHost? _client;

    private IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        StartSilo("silo-a");
        StartSilo("silo-b");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrainsClient().UseRedis(redis.ConnectionString);
        builder.Services.Configure<ClusterOptions>(o => o.Id = _clusterId);
        _client = builder.Build();
        await _client.StartAsync();
        await WaitForActiveSilosAsync(2);
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }
    }

    [Fact]
    public async Task After_kill_9_every_grain_of_the_dead_silo_answers_from_the_survivor_with_its_state()
    {
        var placed = await ActivateAsync("kill", 30);
        var victim = _silos.Single(s => s.Name == placed.Values.GroupBy(n => n).OrderByDescending(g => g.Count()).First().Key);
        var victims = placed.Where(p => p.Value == victim.Name).Select(p => p.Key).ToList();

        var killedAt = Stopwatch.GetTimestamp();
        victim.Kill();
        var failovers = new List<double>();
        foreach (var index in victims)
        {
            var grain = Client.GetGrain<ICounterGrain>($"kill-{index}");
            Assert.Equal(index, await ReadAsync(grain));
            failovers.Add(Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds);
            Assert.NotEqual(victim.Name, await grain.WhereAsync());
        }

        Assert.True(await victim.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{victims.Count} grains answered again {failovers.Min():0} to {failovers.Max():0} ms after kill -9."));
    }

    [Fact]
    public async Task A_paused_silo_is_replaced_and_on_resuming_exits_without_running_its_buffered_calls()
    {
        var placed = await ActivateAsync("pause", 20);
        var zombie = _silos.Single(s => s.Name == placed.Values.First());
        var index = placed.First(p => p.Value == zombie.Name).Key;
        var grain = Client.GetGrain<ICounterGrain>($"pause-{index}");

        zombie.Pause();
        var pausedAt = Stopwatch.GetTimestamp();

        // Sent to the paused silo: it sits in the silo's socket buffer. Its outcome is unknown to us.
        var buffered = grain.AddAsync(1000);
        var outcome = await Record.ExceptionAsync(() => buffered);
        Assert.True(outcome is SiloUnavailableException { OutcomeUnknown: true }, outcome?.ToString() ?? "the call to a paused silo succeeded");

        // The grain is served again by the other silo, from its stored state.
        Assert.Equal(index, await ReadAsync(grain));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Served again {Stopwatch.GetElapsedTime(pausedAt).TotalMilliseconds:0} ms after SIGSTOP."));
        Assert.NotEqual(zombie.Name, await grain.WhereAsync());
        Assert.Equal(index + 1, await grain.AddAsync(1));

        zombie.Resume();
        Assert.True(await zombie.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the resumed zombie silo did not exit:\n" + zombie.RecentOutput);
        Assert.True(zombie.ExitCode == 3, $"exit code {zombie.ExitCode}:\n{zombie.RecentOutput}");

        // The call that waited in the zombie's buffer never ran: only the acknowledged add is there.
        Assert.Equal(index + 1, await grain.GetAsync());
    }

    [Fact]
    public async Task A_silo_stopped_with_SIGTERM_hands_its_grains_over_leaves_and_exits_with_success()
    {
        var placed = await ActivateAsync("term", 20);
        var leaving = _silos.Single(s => s.Name == placed.Values.First());

        leaving.Terminate();
        // Callers go on meanwhile: a graceful stop fails none of their calls.
        foreach (var (index, _) in placed)
        {
            Assert.Equal(index, await Client.GetGrain<ICounterGrain>($"term-{index}").GetAsync());
        }

        Assert.True(await leaving.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the silo did not stop after SIGTERM:\n" + leaving.RecentOutput);
        // Leaving is not being declared dead: a supervisor must not take a clean stop for a crash (exit code 3).
        Assert.True(leaving.ExitCode == 0, $"exit code {leaving.ExitCode}:\n{leaving.RecentOutput}");
        foreach (var (index, _) in placed)
        {
            var grain = Client.GetGrain<ICounterGrain>($"term-{index}");
            Assert.Equal(index, await grain.GetAsync());
            Assert.NotEqual(leaving.Name, await grain.WhereAsync());
        }
    }

    private void StartSilo(string name)
    {
        _silos.Add(ProjectProcess.Start(name, RepositoryPaths.BuiltAssembly("Grains.Silo"),
        [
            $"--Redis:ConnectionString={redis.ConnectionString}",
            $"--Cluster:Id={_clusterId}",
            $"--Silo:Name={name}",
            "--Silo:Port=0",
            $"--Silo:GrainAssemblies:0={RepositoryPaths.TestAssembly("Grains.TestGrains")}",
        ]));
    }

    /// <summary>Activates <paramref name="count"/> counters, counter i holding i, and returns where each lives.</summary>
    private async Task<Dictionary<int, string>> ActivateAsync(string prefix, int count)
    {
        var placed = new Dictionary<int, string>();
        for (var i = 0; i < count; i++)
        {
            var grain = Client.GetGrain<ICounterGrain>($"{prefix}-{i}");
            await grain.AddAsync(i);
            placed[i] = await grain.WhereAsync();
        }

        Assert.True(placed.Values.Distinct().Count() == 2, "grains were placed on " + string.Join(", ", placed.Values.Distinct()));
        return placed;
    }

    /// <summary>A read, retried when its outcome is unknown, as any client retries an idempotent call.</summary>
    private static async Task<int> ReadAsync(ICounterGrain grain)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grain.GetAsync();
            }
            catch (SiloUnavailableException) when (attempt < 5)
            {
            }
        }
    }

    private async Task WaitForActiveSilosAsync(int count)
    {
        try
        {
            await Poll.UntilAsync(() => Client.ActiveSilos.Count == count, TimeSpan.FromSeconds(60), $"{count} active silos");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\n" + string.Join("\n", _silos.Select(s => $"--- {s}:\n{s.RecentOutput}")), ex);
        }
    }
}
