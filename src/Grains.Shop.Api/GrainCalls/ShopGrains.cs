using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Contracts.Sessions;
using Orleans.Metadata;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// References to the grains the API calls. Orleans' <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string?)"/>
/// works out the grain interface's type by reflection on every call (measured at about 5 % of a silo's CPU per request,
/// docs/benchmarks.md); here each interface's type and grain type are worked out once, by Orleans' own resolvers, and a
/// reference is made from the grain id alone.
/// </summary>
public sealed class ShopGrains
{
    private readonly IGrainFactory _grains;
    private readonly (GrainType Grain, GrainInterfaceType Interface) _carts;
    private readonly (GrainType Grain, GrainInterfaceType Interface) _sessions;
    private readonly (GrainType Grain, GrainInterfaceType Interface) _catalog;

    public ShopGrains(IGrainFactory grains, GrainInterfaceTypeResolver interfaces, GrainInterfaceTypeToGrainTypeResolver types)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        ArgumentNullException.ThrowIfNull(types);
        _grains = grains;
        _carts = Resolve<ICartGrain>(interfaces, types);
        _sessions = Resolve<ISessionGrain>(interfaces, types);
        _catalog = Resolve<IProductCatalogGrain>(interfaces, types);
    }

    /// <summary>The cart (and the way into the orders) of <paramref name="userId"/>.</summary>
    public ICartGrain Cart(string userId) => Get<ICartGrain>(_carts, userId);

    /// <summary>The session grain of key <paramref name="key"/> (<see cref="UserGrainKeys.Session"/>).</summary>
    public ISessionGrain Session(string key) => Get<ISessionGrain>(_sessions, key);

    public IProductCatalogGrain Catalog() => Get<IProductCatalogGrain>(_catalog, IProductCatalogGrain.Key);

    private T Get<T>((GrainType Grain, GrainInterfaceType Interface) type, string key) =>
        (T)_grains.GetGrain(GrainId.Create(type.Grain, IdSpan.Create(key)), type.Interface);

    private static (GrainType, GrainInterfaceType) Resolve<T>(GrainInterfaceTypeResolver interfaces, GrainInterfaceTypeToGrainTypeResolver types)
    {
        var grainInterface = interfaces.GetGrainInterfaceType(typeof(T));
        return (types.GetGrainType(grainInterface), grainInterface);
    }
}
