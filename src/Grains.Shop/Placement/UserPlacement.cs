namespace Grains.Shop.Placement;

/// <summary>
/// Places a user's grains (session, cart, orders) on the silo that the user's key ranks first among the active silos
/// (rendezvous hashing, <c>Grains.Hosting.Routing.UserRouting</c>), the silo the gateway sends that user's requests to.
/// The silo registers its director.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("grains.UserPlacement")]
public sealed class UserPlacement : PlacementStrategy
{
    public static UserPlacement Instance { get; } = new();
}
