namespace Grains.Hosting.Cluster;

/// <summary>
/// What a silo publishes about its HTTP API, in <see cref="ClusterKeys.HttpEndpoints"/> under its silo address: where
/// it serves, under which name, and whether it is draining (stopping: it serves what it has, but wants no new requests).
/// </summary>
public sealed record SiloHttpEndpoint(Uri Url, string Name, bool Draining);
