namespace Grains.Chaos.Workload;

/// <summary>A request that got no answer.</summary>
/// <param name="Delivered">False only when no gateway accepted the connection, so the request certainly did not run.</param>
public sealed record RequestFailure(bool Delivered, string Gateway, string Error);
