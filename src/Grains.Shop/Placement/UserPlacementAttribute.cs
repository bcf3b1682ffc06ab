using Orleans.Placement;

namespace Grains.Shop.Placement;

/// <summary>Marks a grain keyed by its user (<see cref="Contracts.Sessions.UserGrainKeys"/>) as placed by <see cref="UserPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class UserPlacementAttribute() : PlacementAttribute(UserPlacement.Instance);
