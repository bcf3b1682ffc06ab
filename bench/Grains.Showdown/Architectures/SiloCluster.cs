namespace Grains.Showdown.Architectures;

/// <summary>
/// What every process of one Orleans cluster of the showdown is started with: its Redis and cluster id, and the API's
/// keys; and the Redis it is on, to read its silos.
/// </summary>
internal sealed record SiloCluster(string[] Arguments, IReadOnlyDictionary<string, string> Environment, string Redis);
