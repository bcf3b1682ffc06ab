namespace Grains.Gateway.Operators;

/// <summary>One silo as <c>GET /api/cluster</c> shows it; <see cref="Name"/> is what the <c>X-Silo</c> header carries.</summary>
/// <param name="Status">joining, active, shuttingDown or dead.</param>
/// <param name="Activations">Live activations of the shop's grains per grain type (cart, session, orders, ...).</param>
public sealed record SiloView(string Name, string Address, string Status, DateTimeOffset StartedAt, IReadOnlyDictionary<string, int> Activations);
