using Grains.Shop.Carts;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Sessions;
using Grains.Shop.Catalog;
using Grains.Shop.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Hosting;

public static class ShopSiloBuilderExtensions
{
    /// <summary>
    /// What the shop's grains need in a silo: the product catalog, the options of sessions and carts (configuration
    /// sections <c>Sessions</c> and <c>Cart</c>, validated at start), and the tables of this silo's live sessions and carts. Orleans finds the grain classes
    /// itself; the silo registers their storage under <see cref="Storage.ShopStorage.Name"/>.
    /// </summary>
    public static ISiloBuilder AddShop(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;
        services.TryAddSingleton(_ => ProductCatalog.LoadEmbedded());
        services.TryAddSingleton<LocalSessions>();
        services.TryAddSingleton<LocalCarts>();
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateOnStart();
        services.AddOptions<CartOptions>().Bind(configuration.GetSection(CartOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CartOptions>, CartOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
