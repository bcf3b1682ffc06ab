namespace Grains.Silo.Tests.Processes;

/// <summary>A grain call's result and the silo that answered it.</summary>
public sealed record Served<T>(T Value, string Silo);
