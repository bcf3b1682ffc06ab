namespace Grains.Gateway.Operators;

/// <summary>One live activation: its grain type (<c>cart</c>), its key (a user id for carts and orders) and the silo that hosts it.</summary>
public sealed record GrainView(string Type, string Key, string Silo);
