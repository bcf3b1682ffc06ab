using Grains.Runtime;
using Grains.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Shop.Tests;

/// <summary>One in-memory silo with the shop's grains, hosted in the test process and stopped after the class.</summary>
public class ShopSilo : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private IHost? _host;

    public ShopSilo()
        : this(new Dictionary<string, string?>())
    {
    }

    protected ShopSilo(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public IClusterClient Grains => _host!.Services.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddGrainsSilo(builder.Configuration).UseInMemory().AddShop(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
