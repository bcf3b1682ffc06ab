namespace Grains.Showdown.Architectures;

/// <summary>One way to serve the shop API, started into a <see cref="Deployment"/> against the run's Redis.</summary>
internal interface IArchitecture
{
    /// <summary>stateful, stateless, orleans or orleans-client, as in showdown.json.</summary>
    string Name { get; }

    /// <summary>Its processes, in a sentence for the report.</summary>
    string Shape { get; }

    /// <summary>Which process the kill takes, in words.</summary>
    string VictimDescription { get; }

    /// <summary>
    /// The network round trips a cart read and an add make behind the proxy (the client's own hop to the proxy, the
    /// same for every architecture, not counted), as a model of this architecture's code path (docs/showdown.md).
    /// </summary>
    NetworkRoundTrips RoundTrips { get; }

    Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken);
}
