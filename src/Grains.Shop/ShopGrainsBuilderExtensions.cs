using Grains.Runtime.Hosting;
using Grains.Shop.Carts;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Serialization;
using Grains.Shop.Serialization;
using Grains.Shop.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Shop;

public static class ShopGrainsBuilderExtensions
{
    /// <summary>
    /// Hosts the shop in a silo: its grains, the product catalog, the JSON contexts of its calls and state, and its
    /// options (configuration sections <c>Sessions</c> and <c>Cart</c>, validated at start).
    /// </summary>
    public static IGrainsBuilder AddShop(this IGrainsBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!builder.IsSilo)
        {
            throw new InvalidOperationException("The shop's grains run in a silo; a client only needs ShopContractsJsonContext.");
        }

        builder.AddGrains(typeof(ShopGrainsBuilderExtensions).Assembly)
            .AddJsonTypeInfoResolver(ShopContractsJsonContext.Default)
            .AddJsonTypeInfoResolver(ShopStateJsonContext.Default);

        var services = builder.Services;
        services.TryAddSingleton(_ => ProductCatalog.LoadEmbedded());
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateOnStart();
        services.AddOptions<CartOptions>().Bind(configuration.GetSection(CartOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CartOptions>, CartOptionsValidator>());
        return builder;
    }
}
