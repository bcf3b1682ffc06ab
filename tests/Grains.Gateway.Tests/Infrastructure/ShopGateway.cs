using Grains.Runtime.InMemory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>The real gateway, in memory, as a client of a test cluster.</summary>
public sealed class ShopGateway(InMemoryClusterStore store, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(store));
    }

    public ShopClient CreateShopClient() => new(CreateClient());
}
