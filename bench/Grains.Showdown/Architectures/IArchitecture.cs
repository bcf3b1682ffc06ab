namespace Grains.Showdown.Architectures;

/// <summary>One way to serve the shop API, started into a <see cref="Deployment"/> against the run's Redis.</summary>
internal interface IArchitecture
{
    /// <summary>stateful, stateless or orleans, as in showdown.json.</summary>
    string Name { get; }

    /// <summary>Its processes, in a sentence for the report.</summary>
    string Shape { get; }

    /// <summary>Which process the kill takes, in words.</summary>
    string VictimDescription { get; }

    Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken);
}
