namespace Grains.Gateway.Operators;

/// <summary>
/// Requests this gateway forwarded since it started that called grains: served with every grain call in the process of
/// the silo that took the request (<see cref="InProcess"/>), or with at least one call to another silo (<see cref="Remote"/>).
/// </summary>
public sealed record LocalityView(long InProcess, long Remote);
