namespace Grains.Chaos.Workload;

/// <summary>What a user's cart and orders hold once the faults have stopped and the cluster has healed.</summary>
public sealed record UserFinalState(CartView Cart, IReadOnlyList<OrderView> Orders);
