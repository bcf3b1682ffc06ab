using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Grains.Runtime.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Runtime.Tests;

public sealed class InMemoryClusterTests
{
    [Fact]
    public async Task A_grain_call_round_trips_through_a_client_and_a_silo()
    {
        var store = new InMemoryClusterStore();
        using var silo = await StartSiloAsync(store);
        using var client = await StartClientAsync(store);
        var factory = client.Services.GetRequiredService<IClusterClient>();
        var counter = factory.GetGrain<ICounterGrain>("a");
        Assert.Equal(2, await counter.AddAsync(2));
        Assert.Equal(5, await counter.AddAsync(3));
        Assert.Equal(5, await counter.GetAsync());
        var error = await Assert.ThrowsAsync<GrainException>(() => counter.FailAsync("bad"));
        Assert.True(error.Is<ArgumentException>());
        Assert.Equal("bad", error.Message);
        await silo.StopAsync();
        await client.StopAsync();
    }

    private static async Task<IHost> StartSiloAsync(InMemoryClusterStore store)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGrainsSilo().UseInMemory(store).AddGrains(typeof(CounterGrain).Assembly);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IHost> StartClientAsync(InMemoryClusterStore store)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGrainsClient().UseInMemory(store);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
