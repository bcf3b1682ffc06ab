using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>The real gateway, served in memory, as a cluster client configured by <paramref name="settings"/>.</summary>
public sealed class ShopGateway(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public ShopClient CreateShopClient() => new(CreateClient());

    /// <summary>The generated client (src/Grains.Client) on this gateway, not yet signed in.</summary>
    public GeneratedShopClient CreateGeneratedClient() => new(Server.CreateHandler());

    /// <summary>A client with a new session of <paramref name="userId"/>, by default a user no other test uses.</summary>
    public async Task<ShopClient> CreateSignedInClientAsync(string? userId = null)
    {
        var client = CreateShopClient();
        await client.SignInAsync(userId ?? $"user-{Guid.NewGuid():N}");
        return client;
    }
}
