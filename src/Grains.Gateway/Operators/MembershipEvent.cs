namespace Grains.Gateway.Operators;

/// <summary>A change of membership the gateway saw.</summary>
/// <param name="Kind">joined, shuttingDown, left (dead after shutting down) or declaredDead.</param>
/// <param name="GrainsMoved">
/// For a silo that left or was declared dead: how many of the grains it held at the gateway's last look have been
/// active on another silo since. Null when the gateway had not looked at its grains (nobody was watching).
/// </param>
public sealed record MembershipEvent(DateTimeOffset At, string Kind, string Silo, int? GrainsMoved);
