using System.Collections.Concurrent;
using Grains.Hosting.Routing;
using Grains.Shop.Contracts.Sessions;
using Orleans.Runtime.Placement;

namespace Grains.Silo.Placement;

/// <summary>
/// Places a grain of <see cref="Shop.Placement.UserPlacement"/> on the compatible silo its user ranks first
/// (<see cref="UserRouting"/>): the silo the gateway sends that user's requests to, so that they are served with every
/// grain call in-process. The choice depends on the user and the set of silos alone, so every silo makes the same one.
/// </summary>
public sealed class UserPlacementDirector : IPlacementDirector
{
    private readonly ConcurrentDictionary<SiloAddress, string> _keys = new();

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target);
        var user = UserGrainKeys.UserOf(target.GrainIdentity.Key.ToString());
        return Task.FromResult(silos[UserRouting.Pick(user, [.. silos.Select(KeyOf)])]);
    }

    /// <summary>The routing key of <paramref name="silo"/>, kept: placement runs once per activation, on a hot path.</summary>
    public string KeyOf(SiloAddress silo) => _keys.GetOrAdd(silo, static s => UserRouting.SiloKey(s.Endpoint));
}
